import { PricingInputError, type PricingInputErrorCode } from './errors.js';
import {
  ADJUSTMENT_KINDS,
  SHIPPING_KINDS,
  type Adjustment,
  type PricingInput,
  type PricingLine,
  type ShippingMethod,
} from './types.js';

/**
 * Checks everything arithmetic relies on, so that priceCart can trust its input: integers,
 * quantity ≥ 1, no negative money, no unknown ids, nothing that could overflow a safe integer.
 * Checks run on the values (not only the types): quotes are built from stored or posted JSON.
 */
export function validatePricingInput(input: PricingInput): void {
  if (typeof input.currency !== 'string' || !/^[A-Z]{3}$/.test(input.currency)) {
    fail('INVALID_CURRENCY', 'currency', `must be an ISO 4217 code such as CNY, got ${String(input.currency)}`);
  }
  if (!Array.isArray(input.lines) || input.lines.length === 0) fail('EMPTY_CART', 'lines', 'a quote needs at least one line');

  const lineIds = new Set<string>();
  let subtotal = 0;
  input.lines.forEach((line, i) => {
    const at = `lines[${i}]`;
    validateLine(line, at);
    if (lineIds.has(line.lineId)) fail('DUPLICATE_LINE', `${at}.lineId`, `lineId ${line.lineId} appears twice`);
    lineIds.add(line.lineId);
    const lineSubtotal = line.unitPrice * line.quantity;
    subtotal += lineSubtotal;
    if (!Number.isSafeInteger(lineSubtotal) || !Number.isSafeInteger(subtotal)) {
      fail('AMOUNT_TOO_LARGE', at, 'subtotal exceeds the largest safe integer');
    }
    if (!Number.isSafeInteger(line.weightGrams * line.quantity)) fail('INVALID_WEIGHT', at, 'total weight is too large');
  });

  if (input.shipping !== null) {
    if (typeof input.shipping !== 'object' || input.shipping === undefined) {
      fail('INVALID_SHIPPING_METHOD', 'shipping', 'must be a shipping method or null');
    }
    validateShipping(input.shipping);
  }
  if (input.destination !== undefined) {
    if (typeof input.destination !== 'object' || input.destination === null || !nonEmpty(input.destination.provinceCode)) {
      fail('INVALID_DESTINATION', 'destination.provinceCode', 'must be a non-empty string');
    }
  }

  const adjustments = input.adjustments ?? [];
  if (!Array.isArray(adjustments)) fail('INVALID_ADJUSTMENT', 'adjustments', 'must be an array');
  const adjustmentIds = new Set<string>();
  adjustments.forEach((adj, i) => {
    const at = `adjustments[${i}]`;
    validateAdjustment(adj, at, lineIds);
    if (adjustmentIds.has(adj.id)) fail('DUPLICATE_ADJUSTMENT', `${at}.id`, `adjustment id ${adj.id} appears twice`);
    adjustmentIds.add(adj.id);
  });
}

function validateLine(line: PricingLine, at: string): void {
  if (typeof line !== 'object' || line === null) fail('INVALID_LINE', at, 'must be an object');
  for (const key of ['lineId', 'variantId', 'productId'] as const) {
    if (!nonEmpty(line[key])) fail('INVALID_LINE', `${at}.${key}`, 'must be a non-empty string');
  }
  for (const key of ['categoryId', 'brandId'] as const) {
    if (line[key] !== undefined && typeof line[key] !== 'string') fail('INVALID_LINE', `${at}.${key}`, 'must be a string');
  }
  for (const key of ['noCoupons', 'gift'] as const) {
    if (line[key] !== undefined && typeof line[key] !== 'boolean') fail('INVALID_LINE', `${at}.${key}`, 'must be a boolean');
  }
  money(line.unitPrice, `${at}.unitPrice`);
  if (line.listPrice !== undefined) money(line.listPrice, `${at}.listPrice`);
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    fail('INVALID_QUANTITY', `${at}.quantity`, `must be an integer ≥ 1, got ${String(line.quantity)}`);
  }
  if (!Number.isSafeInteger(line.weightGrams) || line.weightGrams < 0) {
    fail('INVALID_WEIGHT', `${at}.weightGrams`, `must be an integer ≥ 0, got ${String(line.weightGrams)}`);
  }
}

function validateShipping(method: ShippingMethod): void {
  if (!nonEmpty(method.id)) badShipping('id', 'must be a non-empty string');
  if (!nonEmpty(method.code)) badShipping('code', 'must be a non-empty string');
  if (!(SHIPPING_KINDS as readonly string[]).includes(method.kind)) badShipping('kind', `unknown kind ${String(method.kind)}`);
  for (const field of SHIPPING_MONEY) if (method[field] !== undefined) money(method[field], `shipping.${field}`, 'INVALID_SHIPPING_METHOD');

  if (method.kind === 'flat' && method.flatFee === undefined) badShipping('flatFee', 'a flat method needs flatFee');
  if (method.kind === 'freeOver' && method.freeThreshold === undefined) badShipping('freeThreshold', 'a freeOver method needs freeThreshold');
  if (method.kind === 'byWeight') {
    if (method.firstFee === undefined) badShipping('firstFee', 'a byWeight method needs firstFee');
    if (method.extraFee === undefined) badShipping('extraFee', 'a byWeight method needs extraFee');
    for (const field of ['firstWeightGrams', 'extraWeightGrams'] as const) {
      const grams = method[field];
      if (grams === undefined || !Number.isSafeInteger(grams) || grams < 1) badShipping(field, 'a byWeight method needs an integer ≥ 1');
    }
  }
  if (method.regionFees !== undefined) {
    if (!Array.isArray(method.regionFees)) badShipping('regionFees', 'must be an array');
    method.regionFees.forEach((region, i) => {
      const at = `shipping.regionFees[${i}]`;
      if (!Array.isArray(region.provinceCodes) || !region.provinceCodes.every(nonEmpty)) {
        fail('INVALID_SHIPPING_METHOD', `${at}.provinceCodes`, 'must be an array of non-empty strings');
      }
      money(region.firstFee, `${at}.firstFee`, 'INVALID_SHIPPING_METHOD');
      money(region.extraFee, `${at}.extraFee`, 'INVALID_SHIPPING_METHOD');
    });
  }
}

const SHIPPING_MONEY = ['flatFee', 'freeThreshold', 'firstFee', 'extraFee'] as const;

function badShipping(field: string, why: string): never {
  return fail('INVALID_SHIPPING_METHOD', `shipping.${field}`, why);
}

function validateAdjustment(adj: Adjustment, at: string, lineIds: ReadonlySet<string>): void {
  const bad = (field: string, why: string): never => fail('INVALID_ADJUSTMENT', `${at}.${field}`, why);
  if (typeof adj !== 'object' || adj === null) fail('INVALID_ADJUSTMENT', at, 'must be an object');
  if (!nonEmpty(adj.id)) bad('id', 'must be a non-empty string');
  if (!(ADJUSTMENT_KINDS as readonly string[]).includes(adj.kind)) bad('kind', `unknown kind ${String(adj.kind)}`);
  if (typeof adj.label !== 'object' || adj.label === null || typeof adj.label['zh-CN'] !== 'string' || typeof adj.label.en !== 'string') {
    bad('label', 'needs zh-CN and en strings');
  }
  money(adj.amount, `${at}.amount`, 'INVALID_ADJUSTMENT');
  if (adj.shipping !== undefined && typeof adj.shipping !== 'boolean') bad('shipping', 'must be a boolean');
  if (adj.lineAmounts !== undefined) {
    if (adj.shipping === true || adj.appliesTo !== undefined) bad('lineAmounts', 'goes with neither shipping nor appliesTo');
    if (!Array.isArray(adj.lineAmounts) || adj.lineAmounts.length === 0) bad('lineAmounts', 'must list at least one line');
    const seen = new Set<string>();
    let sum = 0;
    adj.lineAmounts.forEach((share, i) => {
      if (typeof share !== 'object' || share === null || !lineIds.has(share.lineId)) {
        fail('UNKNOWN_LINE', `${at}.lineAmounts[${i}]`, `no line ${String(share?.lineId)} in the cart`);
      }
      if (seen.has(share.lineId)) bad('lineAmounts', `lineId ${share.lineId} listed twice`);
      seen.add(share.lineId);
      money(share.amount, `${at}.lineAmounts[${i}].amount`, 'INVALID_ADJUSTMENT');
      sum += share.amount;
    });
    if (sum !== adj.amount) bad('amount', `must equal the sum of lineAmounts (${sum})`);
  }
  if (adj.appliesTo !== undefined) {
    if (adj.shipping === true) bad('appliesTo', 'a shipping discount does not apply to lines');
    if (!Array.isArray(adj.appliesTo) || adj.appliesTo.length === 0) bad('appliesTo', 'must list at least one lineId (omit it for all lines)');
    const seen = new Set<string>();
    for (const lineId of adj.appliesTo) {
      if (!lineIds.has(lineId)) fail('UNKNOWN_LINE', `${at}.appliesTo`, `no line ${String(lineId)} in the cart`);
      if (seen.has(lineId)) bad('appliesTo', `lineId ${lineId} listed twice`);
      seen.add(lineId);
    }
  }
}

function money(value: unknown, path: string, code: PricingInputErrorCode = 'INVALID_AMOUNT'): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(code, path, `must be an integer number of minor units ≥ 0, got ${String(value)}`);
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function fail(code: PricingInputErrorCode, path: string, message: string): never {
  throw new PricingInputError(code, path, message);
}
