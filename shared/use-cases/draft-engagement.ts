import type { Campaign } from '../domain/campaign.ts';
import { draftReply, type EngagementTask, taskId } from '../domain/engagement-task.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { FollowUpData } from '../ports/outbox.ts';
import type { TaskStore } from '../ports/task-store.ts';

export interface DraftDeps {
  tasks: TaskStore;
  campaigns: CampaignStore;
  clock: Clock;
}

/** A transition that asks for a draft: into review or MQL, with a post to reply to. */
export function wantsDraft(t: Pick<FollowUpData, 'from' | 'to' | 'latest'>): boolean {
  return t.from !== t.to && (t.to === 'mql' || t.to === 'review') && t.latest !== undefined;
}

/**
 * Drafts a reply to the latest post of a prospect that just moved into review or MQL. Drafts wait
 * for a person: nothing here sends anything. The task id is derived from the prospect and the
 * post, and the write is conditional, so drafting the same follow-up again (a redo after a crash)
 * stores nothing more: 'exists'.
 */
export async function draftEngagement(
  deps: DraftDeps,
  campaigns: ReadonlyMap<string, Campaign>,
  t: FollowUpData & { key: string },
): Promise<'created' | 'exists' | 'none'> {
  if (!wantsDraft(t) || !t.latest) return 'none';
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
  return deps.tasks.putDraft(task);
}
