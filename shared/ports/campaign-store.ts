import type { Campaign, Cursor } from '../domain/campaign.ts';

export interface CampaignStore {
  listCampaigns(): Promise<Campaign[]>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  putCampaign(campaign: Campaign): Promise<void>;
  getCursor(campaignId: string): Promise<Cursor>;
  /** Called only after the posts the cursor covers are stored. */
  saveCursor(campaignId: string, cursor: Cursor): Promise<void>;
}
