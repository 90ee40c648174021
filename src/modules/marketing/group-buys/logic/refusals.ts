import type { LocalizedText } from './activity.js';

/**
 * Why a team said no, as a stable code (the service answers 409 with it) and a message for the
 * shopper. `offerNewTeam`: this team cannot take the shopper, but opening a new one can.
 */
export const REFUSAL_CODES = [
  'TEAM_FULL',
  'TEAM_CLOSED',
  'TEAM_EXPIRED',
  'TEAM_NOT_READY',
  'ALREADY_IN_TEAM',
  'LIMIT_REACHED',
  'SEAT_RELEASED',
  'SEAT_PAID',
  'SEAT_NOT_PAID',
  'LEADER_CANNOT_LEAVE',
  'UNKNOWN_ORDER',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: LocalizedText;
  offerNewTeam: boolean;
}

const REFUSALS: Record<RefusalCode, { message: LocalizedText; offerNewTeam: boolean }> = {
  // Held seats may come back if their orders go unpaid, but a new team is the sure way in.
  TEAM_FULL: { message: { 'zh-CN': '该团名额已满，可以自己开一个新团', en: 'This team is full; you can start a new one' }, offerNewTeam: true },
  TEAM_CLOSED: { message: { 'zh-CN': '该团已结束，可以自己开一个新团', en: 'This team has closed; you can start a new one' }, offerNewTeam: true },
  TEAM_EXPIRED: { message: { 'zh-CN': '该团已过成团时限，可以自己开一个新团', en: 'This team ran out of time; you can start a new one' }, offerNewTeam: true },
  TEAM_NOT_READY: { message: { 'zh-CN': '团长尚未付款，暂时不能参团', en: 'The team opens once its leader has paid' }, offerNewTeam: true },
  ALREADY_IN_TEAM: { message: { 'zh-CN': '你已在该团中', en: 'You are already in this team' }, offerNewTeam: false },
  LIMIT_REACHED: { message: { 'zh-CN': '你参加该活动的次数已达上限', en: 'You have reached the number of teams allowed in this offer' }, offerNewTeam: false },
  SEAT_RELEASED: { message: { 'zh-CN': '该订单的名额已释放，请重新下单', en: "This order's seat was released; please place a new order" }, offerNewTeam: false },
  SEAT_PAID: { message: { 'zh-CN': '订单已付款，不能直接取消', en: 'This order is paid and cannot simply be cancelled' }, offerNewTeam: false },
  SEAT_NOT_PAID: { message: { 'zh-CN': '订单尚未付款，取消订单即可', en: 'This order is not paid yet; cancel the order instead' }, offerNewTeam: false },
  LEADER_CANNOT_LEAVE: { message: { 'zh-CN': '团长不能在成团前退出', en: 'The team leader cannot leave before the team closes' }, offerNewTeam: false },
  UNKNOWN_ORDER: { message: { 'zh-CN': '该订单不属于这个团', en: 'This order is not part of this team' }, offerNewTeam: false },
};

export function refuse(code: RefusalCode): Refusal {
  return { ok: false, code, ...REFUSALS[code] };
}
