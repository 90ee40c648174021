/** The cache tag every campaign write invalidates (storefront landing pages and the sitemap carry it). */
export const CAMPAIGNS_TAG = 'marketing:campaigns';
/** Campaign vocabularies, shared by the table, the HTTP shapes and the pure logic. */
export const CAMPAIGN_KINDS = ['holiday', 'theme', 'launch', 'memberDay'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
/** draft: being built, nobody sees it; published: the landing page is live; paused: taken down again. */
export const CAMPAIGN_STATUSES = ['draft', 'published', 'paused'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** From the window and now (and the recurrence: between occurrences a recurring campaign is upcoming). */
export const CAMPAIGN_STATES = ['upcoming', 'live', 'ended'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
/** The channels a campaign runs in; each is a utm_source value. */
export const CAMPAIGN_CHANNELS = ['sem', 'email', 'kol', 'koc', 'livestream', 'shortVideo', 'social', 'sms'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];
/** The utm_medium each channel's link carries. */
export const CHANNEL_MEDIUM: Record<CampaignChannel, string> = {
  sem: 'cpc',
  email: 'email',
  kol: 'influencer',
  koc: 'influencer',
  livestream: 'live',
  shortVideo: 'video',
  social: 'social',
  sms: 'sms',
};
