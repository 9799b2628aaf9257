import type { Engagement } from './engagement.ts';
import type { EngagementTask } from './engagement-task.ts';
import type { LeadEvent } from './lead-state.ts';
import type { BreakdownEntry } from './scoring.ts';
import type { Signal } from './signal.ts';

/** One entry of a lead's story; `kind` says which stored list it came from. */
export interface TimelineEntry {
  at: string;
  kind: 'post' | 'score' | 'decision' | 'task' | 'engagement';
  title: string;
  detail?: string;
  who?: string;
  url?: string;
  definitionVersion?: number;
  modelVersion?: string;
}

/**
 * History this deployment does not keep, said on the page instead of guessed: a timeline that
 * looked complete while missing these would mislead the person reading it.
 */
export const NOT_STORED = [
  'CRM exports per lead: an export keeps only its watermark, not which leads it carried.',
  'Score changes that did not change the state: only the current score and breakdown are kept.',
  'The intent model version of past scores: only the current score names its model.',
] as const;

const MODEL = /\(model ([^)]{1,80})\)/;

/** The model version the current score used, from its intent.model evidence ("p=0.83 (model v3)"). */
export function modelVersionOf(breakdown: readonly BreakdownEntry[]): string | undefined {
  for (const b of breakdown) {
    const m = b.kind === 'intent.model' ? MODEL.exec(b.evidence) : null;
    if (m) return m[1];
  }
  return undefined;
}

const PEOPLE = new Set(['marketer', 'sales', 'admin']);

/** A lead's stored history as one list, oldest first. Pure: the use case reads, this arranges. */
export function buildTimeline(input: {
  signals: readonly Signal[];
  events: readonly LeadEvent[];
  tasks: readonly EngagementTask[];
  engagement: readonly Engagement[];
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const s of input.signals)
    entries.push({
      at: s.at,
      kind: 'post',
      title: s.text.slice(0, 2_000),
      detail: `${s.postKind} · campaign ${s.campaignIds.join(', ')}`,
      url: s.url,
    });
  for (const e of input.events) {
    const person = PEOPLE.has(e.actor.type);
    const extras = [
      e.code && `code ${e.code}`,
      e.objection && `objection ${e.objection}`,
      e.note,
      e.deal && `deal ${e.deal.value} ${e.deal.currency}`,
    ]
      .filter(Boolean)
      .join(' · ');
    entries.push({
      at: e.at,
      kind: person ? 'decision' : 'score',
      title: `${e.from} → ${e.to}${e.score !== undefined ? ` (score ${e.score})` : ''}${e.reason ? `: ${e.reason}` : ''}`,
      ...(extras ? { detail: extras } : {}),
      who: `${e.actor.type} ${e.actor.id}`,
      ...(e.definitionVersion !== undefined ? { definitionVersion: e.definitionVersion } : {}),
    });
  }
  for (const t of input.tasks) {
    entries.push({
      at: t.createdAt,
      kind: 'task',
      title: `${t.kind} drafted${t.postId ? ` for post ${t.postId}` : ''}`,
      detail: t.draft,
    });
    if (t.approvedAt)
      entries.push({
        at: t.approvedAt,
        kind: 'task',
        title: `${t.kind} approved`,
        ...(t.approvedBy ? { who: t.approvedBy } : {}),
      });
    if (t.executedAt || ['done', 'failed', 'skipped'].includes(t.status))
      entries.push({
        at: t.executedAt ?? t.approvedAt ?? t.createdAt,
        kind: 'task',
        title: `${t.kind} ${t.status}`,
        ...(t.result ? { detail: t.result } : {}),
      });
  }
  for (const g of input.engagement)
    entries.push({
      at: g.at,
      kind: 'engagement',
      title: { replied: 'replied to us', followedBack: 'followed us back', mentioned: 'mentioned us' }[
        g.kind
      ],
      ...(g.postId ? { detail: `post ${g.postId}${g.taskId ? ` (our task ${g.taskId})` : ''}` } : {}),
    });
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
