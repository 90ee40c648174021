import type { Minor } from '../../../../platform/money.js';
import type { LocalizedText } from '../types.js';
import type { PricingRule, RuleAction } from './types.js';

/**
 * The words a shopper reads beside a discount, in both languages. Pure text from data: the rule's
 * own name (the operator's) and amounts in yuan the way Chinese shops write them (¥300, ¥29.9).
 */

export function yuan(minor: Minor): string {
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  if (cents === 0) return `¥${whole}`;
  return `¥${whole}.${cents % 10 === 0 ? String(cents / 10) : String(cents).padStart(2, '0')}`;
}

/** 15% off is 8.5折. */
function zhe(percentOff: number): string {
  return `${String((100 - percentOff) / 10)}折`;
}

/** What an action does, in words ("满¥300减¥40" / "¥40 off orders of ¥300"): a default name for a rule. */
export function describeAction(action: RuleAction): LocalizedText {
  switch (action.kind) {
    case 'amountOff': {
      const off = yuan(action.amount);
      if (!action.threshold) return { 'zh-CN': `立减${off}`, en: `${off} off` };
      const at = yuan(action.threshold);
      const cap = action.cap !== undefined ? { zh: `，最多减${yuan(action.cap)}`, en: `, up to ${yuan(action.cap)}` } : { zh: '', en: '' };
      return action.every
        ? { 'zh-CN': `每满${at}减${off}${cap.zh}`, en: `${off} off every ${at}${cap.en}` }
        : { 'zh-CN': `满${at}减${off}`, en: `${off} off orders of ${at}` };
    }
    case 'percentOff': {
      const cap = action.cap !== undefined ? { zh: `，最多减${yuan(action.cap)}`, en: `, up to ${yuan(action.cap)}` } : { zh: '', en: '' };
      const zh = action.minQuantity ? `满${action.minQuantity}件` : action.threshold ? `满${yuan(action.threshold)}` : '';
      const en = action.minQuantity ? ` on ${action.minQuantity}+ items` : action.threshold ? ` on orders of ${yuan(action.threshold)}` : '';
      return { 'zh-CN': `${zh}${zh ? '享' : ''}${zhe(action.percentOff)}${cap.zh}`, en: `${action.percentOff}% off${en}${cap.en}` };
    }
    case 'unitDiscount':
      return action.amountOff !== undefined
        ? { 'zh-CN': `每件直降${yuan(action.amountOff)}`, en: `${yuan(action.amountOff)} off each` }
        : { 'zh-CN': `限时${zhe(action.percentOff ?? 0)}`, en: `${action.percentOff ?? 0}% off` };
    case 'memberPrice':
      return { 'zh-CN': '会员价', en: 'Member price' };
    case 'freeShipping':
      return action.threshold
        ? { 'zh-CN': `满${yuan(action.threshold)}包邮`, en: `Free shipping on orders of ${yuan(action.threshold)}` }
        : { 'zh-CN': '包邮', en: 'Free shipping' };
    case 'buyXGetY':
      return action.gift
        ? { 'zh-CN': `买${action.buy}件赠品`, en: `Gift with ${action.buy} items` }
        : { 'zh-CN': `买${action.buy}送${action.get}`, en: `Buy ${action.buy}, get ${action.get} free` };
  }
}

const quoted = (rule: PricingRule) => ({ zh: `「${rule.name['zh-CN']}」`, en: `"${rule.name.en}"` });

export function appliedText(rule: PricingRule, amount: Minor, shipping: boolean): LocalizedText {
  const q = quoted(rule);
  if (shipping) return { 'zh-CN': `${q.zh}已免运费${yuan(amount)}`, en: `${q.en}: shipping ${yuan(amount)} waived` };
  return { 'zh-CN': `${q.zh}已优惠${yuan(amount)}`, en: `${q.en}: you save ${yuan(amount)}` };
}

export function conflictText(left: PricingRule, kept: PricingRule): LocalizedText {
  const a = quoted(left);
  const b = quoted(kept);
  const what = left.source === 'coupon' ? { zh: '优惠券', en: 'Coupon ' } : { zh: '', en: '' };
  return { 'zh-CN': `${what.zh}${a.zh}不与${b.zh}同享`, en: `${what.en}${a.en} can't be combined with ${b.en}` };
}

export type NotEligibleReason = { kind: 'threshold'; missing: Minor } | { kind: 'quantity'; missing: number } | { kind: 'scope' } | { kind: 'conditions' };

export function notEligibleText(rule: PricingRule, why: NotEligibleReason): LocalizedText {
  const q = quoted(rule);
  const what = rule.source === 'coupon' ? { zh: '优惠券', en: 'Coupon ' } : { zh: '', en: '' };
  switch (why.kind) {
    case 'threshold':
      return { 'zh-CN': `${what.zh}${q.zh}还差${yuan(why.missing)}可用`, en: `${what.en}${q.en} needs ${yuan(why.missing)} more` };
    case 'quantity':
      return { 'zh-CN': `${what.zh}${q.zh}还差${why.missing}件可用`, en: `${what.en}${q.en} needs ${why.missing} more item${why.missing === 1 ? '' : 's'}` };
    case 'scope':
      return { 'zh-CN': `${what.zh}${q.zh}不适用于购物车中的商品`, en: `${what.en}${q.en} doesn't apply to the items in your cart` };
    case 'conditions':
      return { 'zh-CN': `${what.zh}${q.zh}当前不可用`, en: `${what.en}${q.en} can't be used now` };
  }
}

/** 赠品送完即止: the gift of a 买赠 promotion has run out, so the cart goes without it. */
export function giftGoneText(rule: PricingRule): LocalizedText {
  const q = quoted(rule);
  return { 'zh-CN': `${q.zh}赠品已送完`, en: `${q.en}: the gift has run out` };
}

export function hintText(rule: PricingRule, missing: Minor, reward: Minor): LocalizedText {
  const q = quoted(rule);
  if (reward === 0) return { 'zh-CN': `再买${yuan(missing)}可享${q.zh}`, en: `Add ${yuan(missing)} more for ${q.en}` };
  return { 'zh-CN': `再买${yuan(missing)}可减${yuan(reward)}（${q.zh}）`, en: `Add ${yuan(missing)} more to save ${yuan(reward)} (${q.en})` };
}

export function pointsText(used: number, value: Minor, why: 'share' | 'balance' | 'block' | 'notAllowed' | 'applied', maxShareBps = 0, blocker?: PricingRule): LocalizedText {
  switch (why) {
    case 'applied':
      return { 'zh-CN': `${used}积分抵${yuan(value)}`, en: `${used} points pay ${yuan(value)}` };
    case 'share':
      return { 'zh-CN': `积分最多抵扣商品金额的${maxShareBps / 100}%，本单用${used}积分`, en: `Points pay at most ${maxShareBps / 100}% of the goods: ${used} points used` };
    case 'balance':
      return { 'zh-CN': `积分余额不足，本单用${used}积分`, en: `Not enough points: ${used} used` };
    case 'block':
      return { 'zh-CN': `积分按整块抵扣，本单用${used}积分`, en: `Points are used in whole blocks: ${used} used` };
    case 'notAllowed': {
      const q = blocker ? quoted(blocker) : { zh: '本单优惠', en: 'this offer' };
      return { 'zh-CN': `${q.zh}不可与积分同享`, en: `${blocker ? q.en : 'This offer'} can't be combined with points` };
    }
  }
}
