import { defineErrors } from '../../../platform/errors.js';

export const CampaignErrors = defineErrors({
  CAMPAIGN_NOT_FOUND: { status: 404, en: 'No such campaign.', zh: '活动不存在或未上线。' },
  CAMPAIGN_SLUG_TAKEN: { status: 409, en: 'Another campaign already uses the address {slug}.', zh: '链接名 {slug} 已被其他活动使用。' },
  CAMPAIGN_SLUG_LOCKED: { status: 409, en: 'A campaign that has been published keeps its address: its links are already out.', zh: '活动发布后链接名不可修改：带该链接的推广已发出。' },
  CAMPAIGN_WINDOW_INVALID: { status: 422, en: 'The campaign must end after it starts.', zh: '活动结束时间必须晚于开始时间。' },
  CAMPAIGN_REFERENCE_UNKNOWN: { status: 422, en: 'The campaign refers to a {what} that does not exist: {id}.', zh: '活动引用的{whatZh}不存在：{id}。' },
});
