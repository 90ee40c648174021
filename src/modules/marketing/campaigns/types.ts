import { z } from 'zod';
import { localizedView } from '../../../platform/http/view-fields.js';
import { couponTemplateView } from '../coupons/types.js';
import { catalogTypes } from '../../catalog/index.js';
import { CAMPAIGN_CHANNELS, CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignChannel, type CampaignState } from './constants.js';

/**
 * Campaigns (活动) over HTTP, to the contract in notes/contract-campaigns.md. Inputs decide what may
 * be stored; views show what is stored with no limits (platform/http/view-fields.ts).
 */
const fen = z.number().int().min(0).max(100_000_000_000).describe('Integer minor units (fen)');
/** The budget is an integer column: at most ¥20,000,000. */
const budgetFen = z.number().int().min(0).max(2_000_000_000).describe('Integer minor units (fen), at most 2,000,000,000');
const count = z.number().int().min(0).max(100_000_000);
const instant = z.iso.datetime({ offset: true }).describe('An instant with its offset');
const text = (max: number) => z.string().trim().min(1).max(max);
const localized = (max: number) => z.object({ 'zh-CN': text(max), en: text(max) }).strict();

export const campaignSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 characters')
  .describe('The landing page /campaigns/<slug> and the utm_campaign value');

export const campaignName = localized(80).describe('The campaign name in both languages');

export const campaignBlockInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('banner'), title: localized(120), subtitle: localized(200).nullable(), imageId: z.uuid().nullable() }).strict().describe('A banner with a picture (from the media library)'),
  z.object({ kind: z.literal('text'), body: localized(5000) }).strict().describe('Plain text with line breaks'),
  z.object({ kind: z.literal('products'), title: localized(120).nullable(), productIds: z.array(z.uuid()).min(1).max(48) }).strict().describe('A product grid'),
  z.object({ kind: z.literal('coupons'), title: localized(120).nullable(), templateIds: z.array(z.uuid()).min(1).max(12) }).strict().describe('Coupons to claim'),
  z.object({ kind: z.literal('countdown'), title: localized(120).nullable() }).strict().describe('Time to the start while upcoming, to the end while live'),
]);
export type CampaignBlockInput = z.infer<typeof campaignBlockInput>;

export const campaignRecurrence = z
  .object({ monthDay: z.number().int().min(1).max(28), hours: z.number().int().min(1).max(24).optional() })
  .strict()
  .describe('Recurs on this day of every month (in the store time zone) within the window, for `hours` (24 by default)');

export const campaignGoals = z
  .object({ gmv: fen.optional(), orders: count.optional(), newCustomers: count.optional() })
  .strict()
  .describe('What the campaign should reach');

const uniqueChannels = z
  .array(z.enum(CAMPAIGN_CHANNELS))
  .max(8)
  .refine((a) => new Set(a).size === a.length, { message: 'channels must be unique' });

const fields = {
  slug: campaignSlug,
  kind: z.enum(CAMPAIGN_KINDS).describe('holiday 节日, theme 主题, launch 新品首发, memberDay 会员日'),
  name: campaignName,
  summary: localized(200).nullable().describe('One line for lists and the SEO description'),
  startsAt: instant,
  endsAt: instant,
  recurrence: campaignRecurrence.nullable(),
  blocks: z.array(campaignBlockInput).max(20),
  promotionIds: z.array(z.uuid()).max(50).describe("The campaign's promotions (rule ids)"),
  couponTemplateIds: z.array(z.uuid()).max(50).describe("The campaign's coupon templates"),
  budget: budgetFen.nullable().describe('What the campaign may spend beside discounts (fen)'),
  goals: campaignGoals.nullable(),
  channels: uniqueChannels.describe('The channels it runs in; each gets a UTM-tagged link'),
};

const windowOk = (c: { startsAt?: string; endsAt?: string }) => !c.startsAt || !c.endsAt || Date.parse(c.endsAt) > Date.parse(c.startsAt);

export const campaignInput = z
  .object({
    ...fields,
    summary: fields.summary.default(null),
    recurrence: fields.recurrence.default(null),
    blocks: fields.blocks.default([]),
    promotionIds: fields.promotionIds.default([]),
    couponTemplateIds: fields.couponTemplateIds.default([]),
    budget: fields.budget.default(null),
    goals: fields.goals.default(null),
    channels: fields.channels.default([]),
  })
  .strict()
  .refine(windowOk, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type CampaignInput = z.infer<typeof campaignInput>;

export const campaignPatch = z
  .object(fields)
  .partial()
  .strict()
  .refine(windowOk, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type CampaignPatch = z.infer<typeof campaignPatch>;

const localizedNull = localizedView.nullable();
/**
 * Views carry no enums of their own (test/bad-input/response-width.test.ts): blocks, channels and
 * the computed state are plain in the schemas, and typed by the TS types below (what the service returns).
 */
const blocksView = z.array(z.record(z.string(), z.unknown())).describe('The landing blocks as given (see campaignInput.blocks)');
export type CampaignBlockView = CampaignBlockInput;

const goalsView = z.object({ gmv: z.number().int().optional(), orders: z.number().int().optional(), newCustomers: z.number().int().optional() });

export const campaignView = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  name: localizedView,
  summary: localizedNull,
  startsAt: z.string(),
  endsAt: z.string(),
  recurrence: z.object({ monthDay: z.number().int(), hours: z.number().int().optional() }).nullable(),
  blocks: blocksView,
  promotionIds: z.array(z.string()),
  couponTemplateIds: z.array(z.string()),
  budget: z.number().int().nullable(),
  goals: goalsView.nullable(),
  channels: z.array(z.string()),
  status: z.enum(CAMPAIGN_STATUSES),
  state: z.string().describe('upcoming, live or ended: from the window (and recurrence) and now'),
  links: z.array(z.object({ channel: z.string(), url: z.string() })).describe('The landing URL tagged for each channel'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignView = Omit<z.infer<typeof campaignView>, 'blocks' | 'channels' | 'state' | 'links'> & {
  blocks: CampaignBlockView[];
  channels: CampaignChannel[];
  state: CampaignState;
  links: Array<{ channel: CampaignChannel; url: string }>;
};
export const campaignList = z.object({ items: z.array(campaignView) });

const figures = {
  orders: z.number().int(),
  gmv: z.number().int().describe('Paid for goods and shipping (fen)'),
  discount: z.number().int().describe('Discounts on those orders (fen): the discount cost'),
  refunded: z.number().int().describe('Refunded on those orders (fen)'),
  newCustomers: z.number().int().describe("Orders that were their customer's first paid order"),
};
export const campaignReport = z.object({
  campaignId: z.string(),
  currency: z.string().describe('CNY'),
  totals: z.object({
    ...figures,
    budget: z.number().int().nullable(),
    roi: z.number().nullable().describe('(gmv − refunded) ÷ (discount + budget); null when that cost is 0'),
  }),
  byChannel: z.array(z.object({ channel: z.string().describe("utm_source; 'direct' when none"), ...figures })),
  byDay: z.array(z.object({ day: z.string().describe('YYYY-MM-DD in the store time zone'), orders: z.number().int(), gmv: z.number().int() })),
  goals: goalsView.nullable(),
});
export type CampaignReport = Omit<z.infer<typeof campaignReport>, 'currency'> & { currency: 'CNY' };

const occurrence = z.object({ startsAt: z.string(), endsAt: z.string() });
/** A resolved landing block (the store view's schema keeps blocks open; this is their type). */
export const storeCampaignBlock = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('banner'), title: localizedView, subtitle: localizedNull, imageUrl: z.string().nullable(),
    image: z.object({ url: z.string(), width: z.number().int(), height: z.number().int() }).nullable().describe('The picture with its size (for the page layout)'),
  }),
  z.object({ kind: z.literal('text'), body: localizedView }),
  z.object({ kind: z.literal('products'), title: localizedNull, items: z.array(catalogTypes.productSummary) }),
  z.object({ kind: z.literal('coupons'), title: localizedNull, items: z.array(couponTemplateView) }),
  z.object({ kind: z.literal('countdown'), title: localizedNull }),
]);
export type StoreCampaignBlock = z.infer<typeof storeCampaignBlock>;

export const storeCampaignView = z.object({
  slug: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  name: localizedView,
  summary: localizedNull,
  startsAt: z.string(),
  endsAt: z.string(),
  state: z.string().describe('upcoming, live or ended'),
  nextOccurrence: occurrence.nullable().describe('For a recurring campaign: the current or next occurrence'),
  blocks: z.array(z.record(z.string(), z.unknown())).describe('banner (imageUrl, image), text, products (items: product cards on sale), coupons (items: templates claimable now), countdown'),
  updatedAt: z.string(),
});
export type StoreCampaignView = Omit<z.infer<typeof storeCampaignView>, 'blocks' | 'state'> & { blocks: StoreCampaignBlock[]; state: CampaignState };

export const storeCampaignSummary = z.object({
  slug: z.string(),
  name: localizedView,
  summary: localizedNull,
  state: z.string().describe('upcoming, live or ended'),
  updatedAt: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const storeCampaignList = z.object({ items: z.array(storeCampaignSummary) });
export type StoreCampaignSummary = Omit<z.infer<typeof storeCampaignSummary>, 'state'> & { state: CampaignState };
