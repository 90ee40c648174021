import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { customerAddresses as addresses, customers } from './schema.js';
import { CustomerErrors } from './errors.js';
import { regionName, regionProblem, regionText, regionTexts } from './regions.js';
import type { AddressInput, AddressPatch, AddressView } from './types.js';

type AddressRow = typeof addresses.$inferSelect;
export const MAX_ADDRESSES = 20;

/**
 * A shopper's delivery addresses. Every method takes the owner's id and matches on it, so
 * another shopper's address is simply not found. Writes lock the owner's row so the
 * one-default rule holds under concurrent requests.
 */
export class AddressBook {
  constructor(private readonly k: Kernel) {}

  private get q() {
    return this.k.db.q;
  }

  /** Default first, then newest. */
  async list(customerId: string): Promise<AddressView[]> {
    const rows = await this.q
      .select()
      .from(addresses)
      .where(eq(addresses.customerId, customerId))
      .orderBy(desc(addresses.isDefault), desc(addresses.createdAt), asc(addresses.id));
    return rows.map(toView);
  }

  /** Which of these customers have at least one saved address (one statement for many). */
  async owners(customerIds: readonly string[]): Promise<Set<string>> {
    if (customerIds.length === 0) return new Set();
    const rows = await this.q.selectDistinct({ customerId: addresses.customerId }).from(addresses).where(inArray(addresses.customerId, [...customerIds]));
    return new Set(rows.map((r) => r.customerId));
  }

  async get(customerId: string, id: string): Promise<AddressView> {
    return toView(await this.row(customerId, id));
  }

  /**
   * One of the shopper's addresses in the shape an order stores (`ShippingAddress` of the orders
   * module): what checkout's address resolver returns. 404 ADDRESS_NOT_FOUND when not theirs.
   */
  async shippingAddress(customerId: string, id: string) {
    const a = await this.get(customerId, id);
    return {
      recipient: a.recipientName,
      mobile: a.mobile,
      provinceCode: a.provinceCode,
      cityCode: a.cityCode,
      districtCode: a.districtCode,
      regionText: regionText(a.provinceCode, a.cityCode, a.districtCode),
      detail: a.detail,
      postalCode: a.postalCode,
    };
  }

  /**
   * An address typed in at checkout, checked like a saved one (the codes must fit together), with
   * the region written by the server from the codes — never the client's text, which is what the
   * courier label shows.
   */
  typedShippingAddress<A extends { provinceCode: string; cityCode: string; districtCode: string }>(a: A): A & { regionText: string } {
    assertRegion(a.provinceCode, a.cityCode, a.districtCode);
    return { ...a, regionText: regionText(a.provinceCode, a.cityCode, a.districtCode) };
  }

  async create(customerId: string, input: AddressInput): Promise<AddressView> {
    assertRegion(input.provinceCode, input.cityCode, input.districtCode);
    return this.k.db.transaction(async () => {
      await this.lockOwner(customerId);
      const existing = await this.q.select({ id: addresses.id }).from(addresses).where(eq(addresses.customerId, customerId));
      if (existing.length >= MAX_ADDRESSES) throw new AppError(CustomerErrors.ADDRESS_LIMIT, { max: MAX_ADDRESSES });
      const isDefault = input.isDefault === true || existing.length === 0;
      if (isDefault) await this.clearDefault(customerId);
      const now = this.k.clock.now();
      const id = newId();
      await this.q.insert(addresses).values({
        id,
        customerId,
        ...input,
        postalCode: input.postalCode ?? null,
        isDefault,
        createdAt: now,
        updatedAt: now,
      });
      return this.get(customerId, id);
    });
  }

  async update(customerId: string, id: string, patch: AddressPatch): Promise<AddressView> {
    return this.k.db.transaction(async () => {
      await this.lockOwner(customerId);
      const before = await this.row(customerId, id);
      const merged = { ...before, ...patch };
      if (patch.provinceCode || patch.cityCode || patch.districtCode) {
        assertRegion(merged.provinceCode, merged.cityCode, merged.districtCode);
      }
      if (patch.isDefault === true) await this.clearDefault(customerId, id);
      await this.q
        .update(addresses)
        .set({ ...patch, updatedAt: this.k.clock.now() })
        .where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)));
      return this.get(customerId, id);
    });
  }

  async setDefault(customerId: string, id: string): Promise<AddressView> {
    return this.update(customerId, id, { isDefault: true });
  }

  /** Deleting the default makes the newest remaining address the default. */
  async remove(customerId: string, id: string): Promise<void> {
    await this.k.db.transaction(async () => {
      await this.lockOwner(customerId);
      const before = await this.row(customerId, id);
      await this.q.delete(addresses).where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)));
      if (!before.isDefault) return;
      const [next] = await this.q
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.customerId, customerId))
        .orderBy(desc(addresses.createdAt))
        .limit(1);
      if (next) await this.q.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    });
  }

  private async row(customerId: string, id: string): Promise<AddressRow> {
    const [row] = await this.q
      .select()
      .from(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)));
    if (!row) throw new AppError(CustomerErrors.ADDRESS_NOT_FOUND, { id });
    return row;
  }

  private async lockOwner(customerId: string): Promise<void> {
    await this.q.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update');
  }

  private async clearDefault(customerId: string, exceptId?: string): Promise<void> {
    const where = [eq(addresses.customerId, customerId), eq(addresses.isDefault, true)];
    if (exceptId) where.push(ne(addresses.id, exceptId));
    await this.q.update(addresses).set({ isDefault: false }).where(and(...where));
  }
}

function assertRegion(provinceCode: string, cityCode: string, districtCode: string): void {
  const problem = regionProblem(provinceCode, cityCode, districtCode);
  if (problem) throw new AppError(CustomerErrors.REGION_INVALID, { detail: problem });
}

function toView(r: AddressRow): AddressView {
  return {
    id: r.id,
    recipientName: r.recipientName,
    mobile: r.mobile,
    provinceCode: r.provinceCode,
    provinceName: regionName(r.provinceCode) ?? r.provinceCode,
    cityCode: r.cityCode,
    cityName: regionName(r.cityCode) ?? r.cityCode,
    districtCode: r.districtCode,
    districtName: regionName(r.districtCode) ?? r.districtCode,
    region: regionTexts(r.provinceCode, r.cityCode, r.districtCode),
    detail: r.detail,
    postalCode: r.postalCode,
    isDefault: r.isDefault,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
