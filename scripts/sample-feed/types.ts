/** Shared types of the sample feed: X API v2 shapes plus the ground-truth labels. */

export type CampaignId = 'crm-switchers' | 'warehouse-evaluators' | 'observability-buyers';
export type Domain = 'crm' | 'warehouse' | 'observability';
export type Lang = 'en' | 'de' | 'fr' | 'es';

export const KINDS = [
  'buying_signal',
  'soft_signal',
  'vendor_promo',
  'job_post',
  'job_seeker',
  'happy_customer',
  'howto_question',
  'advice_giving',
  'news',
  'competitor_staff',
  'spam_duplicate',
  'retweet',
  'off_topic',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Campaign {
  id: CampaignId;
  source: 'x';
  name: string;
  product: string;
  query: string;
  cadenceMinutes: number;
  active: boolean;
  owner: string;
}

export interface ReferencedTweet {
  type: 'retweeted' | 'quoted' | 'replied_to';
  id: string;
}

export interface XTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  lang: Lang;
  conversation_id: string;
  public_metrics: {
    retweet_count: number;
    reply_count: number;
    like_count: number;
    quote_count: number;
    impression_count: number;
  };
  referenced_tweets?: ReferencedTweet[];
}

export interface XUser {
  id: string;
  username: string;
  name: string;
  description: string;
  location?: string;
  url?: string;
  created_at: string;
  verified: boolean;
  public_metrics: {
    followers_count: number;
    following_count: number;
    tweet_count: number;
    listed_count: number;
  };
}

export interface Label {
  kind: Kind;
  campaigns: CampaignId[];
}

export const DOMAINS: readonly Domain[] = ['crm', 'warehouse', 'observability'];

export const CAMPAIGN_OF: Record<Domain, CampaignId> = {
  crm: 'crm-switchers',
  warehouse: 'warehouse-evaluators',
  observability: 'observability-buyers',
};
