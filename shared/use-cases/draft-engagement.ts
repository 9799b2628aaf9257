import { draftReply, type EngagementTask, taskId } from '../domain/engagement-task.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { TaskStore } from '../ports/task-store.ts';
import type { Transition } from './qualify-prospects.ts';

export interface DraftDeps {
  tasks: TaskStore;
  campaigns: CampaignStore;
  clock: Clock;
}

/**
 * Drafts a reply to the latest post of each prospect that just moved into review or MQL. Drafts
 * wait for a person: nothing here sends anything. Task ids are deterministic, so drafting twice
 * stores one.
 */
export async function draftEngagement(deps: DraftDeps, transitions: readonly Transition[]): Promise<number> {
  const campaigns = new Map((await deps.campaigns.listCampaigns()).map((c) => [c.id, c]));
  let created = 0;
  for (const t of transitions) {
    if (t.from === t.to || (t.to !== 'mql' && t.to !== 'review') || !t.latest) continue;
    const campaign = campaigns.get(t.latest.campaignId ?? '');
    const task: EngagementTask = {
      id: taskId(t.key, 'reply', t.latest.postId),
      prospectKey: t.key,
      source: t.source,
      kind: 'reply',
      postId: t.latest.postId,
      campaignId: campaign?.id,
      draft: draftReply(campaign?.replyTemplate, {
        name: t.name,
        product: campaign?.product ?? 'our product',
        link: campaign?.contentLink,
      }),
      status: 'drafted',
      createdAt: deps.clock.now().toISOString(),
    };
    if ((await deps.tasks.putDraft(task)) === 'created') created++;
  }
  return created;
}
