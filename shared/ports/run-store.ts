import type { CampaignRun } from '../use-cases/discover-campaign.ts';

export interface RecordedRun extends CampaignRun {
  startedAt: string;
  finishedAt: string;
}

/** Per-run discovery stats, kept for a while so operations can see what each cycle did. */
export interface RunStore {
  recordRun(run: RecordedRun): Promise<void>;
  listRuns(campaignId: string, limit: number): Promise<RecordedRun[]>;
}
