/**
 * The carriers a shipment can go out with, and the sandbox carrier's made-up journey. Pure data
 * and lookups: the fulfilment service and the CSV import use them; no I/O.
 */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface Carrier {
  code: string;
  name: LocalizedText;
  /** Other spellings operators type in spreadsheets (short Chinese names, pinyin). */
  aliases: readonly string[];
}

export const CARRIERS: readonly Carrier[] = [
  { code: 'sf', name: { 'zh-CN': '顺丰速运', en: 'SF Express' }, aliases: ['顺丰', 'sfexpress', 'shunfeng'] },
  { code: 'yto', name: { 'zh-CN': '圆通速递', en: 'YTO Express' }, aliases: ['圆通', 'yuantong'] },
  { code: 'zto', name: { 'zh-CN': '中通快递', en: 'ZTO Express' }, aliases: ['中通', 'zhongtong'] },
  { code: 'sto', name: { 'zh-CN': '申通快递', en: 'STO Express' }, aliases: ['申通', 'shentong'] },
  { code: 'yunda', name: { 'zh-CN': '韵达快递', en: 'Yunda Express' }, aliases: ['韵达', 'yd'] },
  { code: 'jd', name: { 'zh-CN': '京东物流', en: 'JD Logistics' }, aliases: ['京东', 'jingdong', 'jdl'] },
  { code: 'ems', name: { 'zh-CN': '中国邮政 EMS', en: 'China Post EMS' }, aliases: ['邮政', '中国邮政', 'chinapost'] },
  { code: 'sandbox', name: { 'zh-CN': '沙箱快递', en: 'Sandbox carrier' }, aliases: ['沙箱'] },
];

export const CARRIER_CODES = CARRIERS.map((c) => c.code) as [string, ...string[]];

const byKey = new Map<string, Carrier>();
for (const c of CARRIERS) {
  for (const key of [c.code, c.name['zh-CN'], c.name.en, ...c.aliases]) byKey.set(key.toLowerCase().replace(/\s+/g, ''), c);
}

/** A carrier by its code, either name or an alias, ignoring case and spaces; undefined when unknown. */
export function findCarrier(text: string): Carrier | undefined {
  return byKey.get(text.trim().toLowerCase().replace(/\s+/g, ''));
}

/** Carriers' waybill numbers are letters and digits (SF: "SF" + 12 digits; JD: "JD" + 13). */
export const TRACKING_NUMBER = /^[A-Za-z0-9-]{6,40}$/;

export const TRACKING_STATUSES = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export interface SandboxStep {
  status: Exclude<TrackingStatus, 'exception'>;
  /** After the shipment was handed over. */
  afterMs: number;
  description(place: { origin: string; destination: string }): LocalizedText;
  location(place: { origin: string; destination: string }): string | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The sandbox carrier's journey: picked up +2 h, in transit +1 day, out for delivery +2 days, delivered +3 days. */
export const SANDBOX_STEPS: readonly SandboxStep[] = [
  {
    status: 'picked_up',
    afterMs: 2 * HOUR,
    description: (p) => ({ 'zh-CN': `快件已在【${p.origin}】揽收`, en: `Picked up at ${p.origin}` }),
    location: (p) => p.origin,
  },
  {
    status: 'in_transit',
    afterMs: DAY,
    description: () => ({ 'zh-CN': '快件已发往目的地转运中心', en: 'In transit to the destination hub' }),
    location: () => null,
  },
  {
    status: 'out_for_delivery',
    afterMs: 2 * DAY,
    description: (p) => ({ 'zh-CN': `快件已到达【${p.destination}】，快递员正在派送`, en: `Out for delivery in ${p.destination}` }),
    location: (p) => p.destination,
  },
  {
    status: 'delivered',
    afterMs: 3 * DAY,
    description: () => ({ 'zh-CN': '快件已签收，感谢使用沙箱快递', en: 'Delivered and signed for' }),
    location: (p) => p.destination,
  },
];
