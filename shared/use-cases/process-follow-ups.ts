import type { Lead } from '../ports/lead-store.ts';
import type { FollowUp, Outbox } from '../ports/outbox.ts';
import { type AnnounceDeps, announceMqls } from './announce-mqls.ts';
import { type DraftDeps, draftEngagement } from './draft-engagement.ts';

export type FollowUpDeps = DraftDeps & AnnounceDeps & { outbox: Outbox };

export interface FollowUpRun {
  tasksDrafted: number;
  mqlsAnnounced: number;
  /** Follow-ups finished and removed from the outbox. */
  done: number;
  /** Stopped at the time budget; the rest waits in the outbox for the next cycle. */
  outOfTime: boolean;
}

/** A notice that keeps failing (a broken webhook) is given up after this many cycles, and logged. */
export const MAX_NOTICE_ATTEMPTS = 5;

/**
 * Does what scoring transitions asked for, from the outbox the scores were written with: drafts a
 * reply for each move into review or MQL, and tells sales about new MQLs in one message per page.
 *
 * At least once, with idempotent effects. A crash anywhere leaves the follow-up in the outbox and
 * the next cycle does it again: the draft's id is derived from the prospect and post and written
 * conditionally (one draft per transition); a notice-sent marker keyed by lead and revision is
 * checked before sending and written conditionally after, so a notice is sent again only if the
 * process died between the webhook's answer and that one write. A follow-up is removed only once
 * all its effects are done.
 */
export async function processFollowUps(
  deps: FollowUpDeps,
  options: { maxItems: number; pageSize?: number; outOfTime?: () => boolean },
): Promise<FollowUpRun> {
  const run: FollowUpRun = { tasksDrafted: 0, mqlsAnnounced: 0, done: 0, outOfTime: false };
  let campaigns:
    | Map<string, Awaited<ReturnType<DraftDeps['campaigns']['listCampaigns']>>[number]>
    | undefined;
  let cursor: string | undefined;
  let seen = 0;
  do {
    if (options.outOfTime?.()) {
      run.outOfTime = true;
      break;
    }
    const page = await deps.outbox.listFollowUps(
      Math.min(options.pageSize ?? 100, options.maxItems - seen),
      cursor,
    );
    cursor = page.nextCursor;
    seen += page.items.length + (page.skipped ?? 0);
    if (page.items.length === 0) continue;
    campaigns ??= new Map((await deps.campaigns.listCampaigns()).map((c) => [c.id, c]));
    const toAnnounce: { followUp: FollowUp; lead: Lead }[] = [];
    for (const f of page.items) {
      const lead = await deps.leads.getLead(f.key);
      // Erased (or gone) since it was scored: nothing may be drafted or sent about them.
      if (!lead) {
        await deps.outbox.complete(f.key, f.revision);
        run.done++;
        continue;
      }
      if ((await draftEngagement(deps, campaigns, f)) === 'created') run.tasksDrafted++;
      const announce =
        deps.notifier !== undefined &&
        f.to === 'mql' &&
        f.from !== 'mql' &&
        lead.state === 'mql' &&
        !(await deps.outbox.noticeSent(f.key, f.revision));
      if (announce) toAnnounce.push({ followUp: f, lead });
      else {
        await deps.outbox.complete(f.key, f.revision);
        run.done++;
      }
    }
    await announceAndComplete(deps, toAnnounce, run);
  } while (cursor && seen < options.maxItems);
  return run;
}

async function announceAndComplete(
  deps: FollowUpDeps,
  toAnnounce: readonly { followUp: FollowUp; lead: Lead }[],
  run: FollowUpRun,
): Promise<void> {
  if (toAnnounce.length === 0) return;
  const sent = await announceMqls(
    deps,
    toAnnounce.map((a) => a.lead),
    'scoring',
  );
  const now = deps.clock.now();
  for (const { followUp: f } of toAnnounce) {
    if (sent > 0) {
      await deps.outbox.markNoticeSent(f.key, f.revision, now);
    } else if ((await deps.outbox.recordAttempt(f.key, f.revision)) < MAX_NOTICE_ATTEMPTS) {
      continue; // Kept for the next cycle; announceMqls logged the failure.
    } else {
      deps.log.error('gave up telling sales about an MQL', { key: f.key, attempts: MAX_NOTICE_ATTEMPTS });
    }
    await deps.outbox.complete(f.key, f.revision);
    run.done++;
  }
  run.mqlsAnnounced += sent;
}
