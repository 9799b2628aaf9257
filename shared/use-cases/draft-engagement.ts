import { draftReply, type EngagementTask, taskId } from '../domain/engagement-task.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import type { TaskStore } from '../ports/task-store.ts';
import type { Transition } from './qualify-prospects.ts';

export interface DraftDeps {
  leads: LeadStore;
  tasks: TaskStore;
  campaigns: CampaignStore;
  clock: Clock;
}

/**
 * Drafts a reply to the latest post of each prospect that just reached review or MQL. Drafts wait
 * for a person: nothing here sends anything. Task ids are deterministic, so drafting twice stores one.
 */
export async function draftEngagement(deps: DraftDeps, transitions: readonly Transition[]): Promise<number> {
  const campaigns = new Map((await deps.campaigns.listCampaigns()).map((c) => [c.id, c]));
  let created = 0;
  for (const t of transitions) {
    if (t.to !== 'mql' && t.to !== 'review') continue;
    const lead = await deps.leads.getLead(t.key);
    const latest = (await deps.leads.listSignals(t.key)).sort((a, b) => b.at.localeCompare(a.at))[0];
    if (!lead || !latest) continue;
    const campaign = campaigns.get(latest.campaignIds[0] ?? '');
    const task: EngagementTask = {
      id: taskId(t.key, 'reply', latest.postId),
      prospectKey: t.key,
      source: lead.profile.source,
      kind: 'reply',
      postId: latest.postId,
      campaignId: campaign?.id,
      draft: draftReply(campaign?.replyTemplate, {
        name: lead.profile.name,
        product: campaign?.product ?? 'our product',
      }),
      status: 'drafted',
      createdAt: deps.clock.now().toISOString(),
    };
    if ((await deps.tasks.putDraft(task)) === 'created') created++;
  }
  return created;
}
