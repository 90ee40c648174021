import { defineErrors } from '../../../platform/errors.js';

/** A team's refusals (logic/refusals.ts) answer 409 as GROUP_<code>; `offerNewTeam` travels in the problem document. */
export const GroupBuyErrors = defineErrors({
  GROUP_TEAM_FULL: { status: 409, en: 'This team is full; you can start a new one.', zh: '该团名额已满，可以自己开一个新团。' },
  GROUP_TEAM_CLOSED: { status: 409, en: 'This team has closed; you can start a new one.', zh: '该团已结束，可以自己开一个新团。' },
  GROUP_TEAM_EXPIRED: { status: 409, en: 'This team ran out of time; you can start a new one.', zh: '该团已过成团时限，可以自己开一个新团。' },
  GROUP_TEAM_NOT_READY: { status: 409, en: 'The team opens once its leader has paid.', zh: '团长尚未付款，暂时不能参团。' },
  GROUP_ALREADY_IN_TEAM: { status: 409, en: 'You are already in this team.', zh: '你已在该团中。' },
  GROUP_LIMIT_REACHED: { status: 409, en: 'You have reached the number of teams allowed in this offer.', zh: '你参加该活动的次数已达上限。' },
  GROUP_SEAT_RELEASED: { status: 409, en: "This order's seat was released; please place a new order.", zh: '该订单的名额已释放，请重新下单。' },
  GROUP_SEAT_PAID: { status: 409, en: 'This order is paid and cannot simply be cancelled.', zh: '订单已付款，不能直接取消。' },
  GROUP_SEAT_NOT_PAID: { status: 409, en: 'This order is not paid yet; cancel the order instead.', zh: '订单尚未付款，取消订单即可。' },
  GROUP_LEADER_CANNOT_LEAVE: { status: 409, en: 'The team leader cannot leave before the team closes.', zh: '团长不能在成团前退出。' },
  GROUP_UNKNOWN_ORDER: { status: 409, en: 'This order is not part of this team.', zh: '该订单不属于这个团。' },
  GROUP_ACTIVITY_INVALID: { status: 422, en: 'The group buy cannot be saved: {reasons}', zh: '拼团活动无法保存：{reasonsZh}' },
  GROUP_ACTIVITY_PAUSED: { status: 409, en: 'This group buy is paused.', zh: '该拼团活动已暂停。' },
  GROUP_ACTIVITY_ENDED: { status: 409, en: 'This group buy has ended.', zh: '该拼团活动已结束。' },
  GROUP_OFFER_CHANGED: { status: 409, en: 'This group buy has just changed; please look at it again.', zh: '拼团活动刚刚有变动，请刷新后重试。' },
  GROUP_NOT_A_MEMBER: { status: 409, en: 'You are not in this team.', zh: '你不在该团中。' },
  GROUP_VARIANT_NOT_IN_OFFER: { status: 422, en: 'This option is not part of the group buy.', zh: '该规格不参与此拼团。' },
  GROUP_ADDRESS_NEEDED: { status: 422, en: 'Choose one of your saved addresses for the order.', zh: '请选择一个收货地址。' },
});
