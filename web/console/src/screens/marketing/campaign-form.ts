import dayjs, { type Dayjs } from 'dayjs';
import { CAMPAIGN_CHANNELS, CAMPAIGN_KINDS } from '../../../../../src/web-contract';
import type { Campaign, CampaignBlock, CampaignBody } from '../../types';
import { fen, yuan } from './money-fields';

export { CAMPAIGN_CHANNELS, CAMPAIGN_KINDS };
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];
export type BlockKind = CampaignBlock['kind'];
export const BLOCK_KINDS: readonly BlockKind[] = ['banner', 'text', 'products', 'coupons', 'countdown'];
export const MAX_BLOCKS = 20;
export const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** One block as the form edits it: every kind's fields flat, the kind deciding which count. */
export interface BlockValues {
  kind: BlockKind;
  titleZh?: string;
  titleEn?: string;
  subtitleZh?: string;
  subtitleEn?: string;
  imageId?: string | null;
  bodyZh?: string;
  bodyEn?: string;
  productIds?: string[];
  templateIds?: string[];
}

export interface CampaignValues {
  slug: string;
  kind: CampaignKind;
  nameZh: string;
  nameEn: string;
  summaryZh?: string;
  summaryEn?: string;
  window: [Dayjs, Dayjs];
  /** 会员日: the day of every month; empty = one continuous window. */
  monthDay?: number | null;
  hours?: number | null;
  blocks: BlockValues[];
  promotionIds: string[];
  couponTemplateIds: string[];
  /** Yuan in the form, fen in the API. */
  budget?: number | null;
  goalGmv?: number | null;
  goalOrders?: number | null;
  goalNewCustomers?: number | null;
  channels: CampaignChannel[];
}

/** A new campaign: a week from tomorrow, nothing else decided. */
export function emptyCampaign(now: Dayjs = dayjs()): Partial<CampaignValues> {
  const start = now.add(1, 'day').startOf('day');
  return { kind: 'holiday', window: [start, start.add(7, 'day')], blocks: [], promotionIds: [], couponTemplateIds: [], channels: [] };
}

export function emptyBlock(kind: BlockKind): BlockValues {
  return kind === 'products' ? { kind, productIds: [] } : kind === 'coupons' ? { kind, templateIds: [] } : kind === 'banner' ? { kind, imageId: null } : { kind };
}

const zh = (l: { 'zh-CN': string } | null | undefined) => l?.['zh-CN'] ?? '';
const en = (l: { en: string } | null | undefined) => l?.en ?? '';

function blockValues(b: CampaignBlock): BlockValues {
  switch (b.kind) {
    case 'banner':
      return { kind: b.kind, titleZh: zh(b.title), titleEn: en(b.title), subtitleZh: zh(b.subtitle), subtitleEn: en(b.subtitle), imageId: b.imageId };
    case 'text':
      return { kind: b.kind, bodyZh: zh(b.body), bodyEn: en(b.body) };
    case 'products':
      return { kind: b.kind, titleZh: zh(b.title), titleEn: en(b.title), productIds: b.productIds };
    case 'coupons':
      return { kind: b.kind, titleZh: zh(b.title), titleEn: en(b.title), templateIds: b.templateIds };
    case 'countdown':
      return { kind: b.kind, titleZh: zh(b.title), titleEn: en(b.title) };
  }
}

/** The form's values for a stored campaign. */
export function valuesOf(c: Campaign): CampaignValues {
  return {
    slug: c.slug,
    kind: c.kind,
    nameZh: c.name['zh-CN'],
    nameEn: c.name.en,
    summaryZh: zh(c.summary),
    summaryEn: en(c.summary),
    window: [dayjs(c.startsAt), dayjs(c.endsAt)],
    monthDay: c.recurrence?.monthDay ?? null,
    hours: c.recurrence?.hours ?? null,
    blocks: c.blocks.map(blockValues),
    promotionIds: c.promotionIds,
    couponTemplateIds: c.couponTemplateIds,
    budget: yuan(c.budget),
    goalGmv: yuan(c.goals?.gmv),
    goalOrders: c.goals?.orders ?? null,
    goalNewCustomers: c.goals?.newCustomers ?? null,
    channels: c.channels,
  };
}

/**
 * Optional text in two languages: both empty → null; one empty → the other's text (the English page
 * then shows the Chinese, as product titles do).
 */
export function optionalLocalized(zhText: string | undefined, enText: string | undefined): { 'zh-CN': string; en: string } | null {
  const a = zhText?.trim() ?? '';
  const b = enText?.trim() ?? '';
  if (!a && !b) return null;
  return { 'zh-CN': a || b, en: b || a };
}

function blockBody(b: BlockValues): NonNullable<CampaignBody['blocks']>[number] {
  const title = optionalLocalized(b.titleZh, b.titleEn);
  switch (b.kind) {
    case 'banner':
      return { kind: 'banner', title: title ?? { 'zh-CN': '', en: '' }, subtitle: optionalLocalized(b.subtitleZh, b.subtitleEn), imageId: b.imageId ?? null };
    case 'text':
      return { kind: 'text', body: optionalLocalized(b.bodyZh, b.bodyEn) ?? { 'zh-CN': '', en: '' } };
    case 'products':
      return { kind: 'products', title, productIds: b.productIds ?? [] };
    case 'coupons':
      return { kind: 'coupons', title, templateIds: b.templateIds ?? [] };
    case 'countdown':
      return { kind: 'countdown', title };
  }
}

/** The API body for the form (POST whole; PATCH takes the same, every field given). */
export function bodyOf(v: CampaignValues): CampaignBody {
  const goals = {
    ...(v.goalGmv !== null && v.goalGmv !== undefined ? { gmv: fen(v.goalGmv) } : {}),
    ...(v.goalOrders !== null && v.goalOrders !== undefined ? { orders: v.goalOrders } : {}),
    ...(v.goalNewCustomers !== null && v.goalNewCustomers !== undefined ? { newCustomers: v.goalNewCustomers } : {}),
  };
  return {
    slug: v.slug.trim(),
    kind: v.kind,
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    summary: optionalLocalized(v.summaryZh, v.summaryEn),
    startsAt: v.window[0].toISOString(),
    endsAt: v.window[1].toISOString(),
    // Only a member day recurs; another kind keeps one continuous window.
    recurrence: v.kind === 'memberDay' && v.monthDay ? { monthDay: v.monthDay, ...(v.hours ? { hours: v.hours } : {}) } : null,
    blocks: (v.blocks ?? []).map(blockBody),
    promotionIds: v.promotionIds ?? [],
    couponTemplateIds: v.couponTemplateIds ?? [],
    budget: fen(v.budget) ?? null,
    goals: Object.keys(goals).length ? goals : null,
    channels: v.channels ?? [],
  };
}

/** Moves item `from` of a list to `to` (the blocks' up/down buttons). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** Goal progress 0–100 (capped), or null without a goal. */
export function progress(actual: number, goal: number | undefined | null): number | null {
  if (!goal) return null;
  return Math.min(100, Math.round((actual / goal) * 1000) / 10);
}
