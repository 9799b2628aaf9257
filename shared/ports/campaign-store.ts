import type { Campaign, Cursor } from '../domain/campaign.ts';

export interface CampaignStore {
  listCampaigns(): Promise<Campaign[]>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  /**
   * Writes a campaign. `only: 'new'` writes it only if no campaign has the id, `only: 'existing'`
   * only if one has; false when that condition failed (two people adding the same id at once: one
   * wins, the other is told). Without `only`, it writes unconditionally (seeding, the CLI).
   */
  putCampaign(campaign: Campaign, only?: 'new' | 'existing'): Promise<boolean>;
  getCursor(campaignId: string): Promise<Cursor>;
  /** Called only after the posts the cursor covers are stored. */
  saveCursor(campaignId: string, cursor: Cursor): Promise<void>;
}
