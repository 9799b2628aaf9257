import type { MqlDefinitionDraft } from '../domain/mql-definition.ts';
import {
  type CutEvidence,
  chooseDelta,
  draftWithRaise,
  type GroupEvidence,
  judgeGroups,
  type SuggestionDimension,
} from '../domain/nurture-suggestions.ts';
import type { FeedbackRecord } from '../domain/sales-records.ts';
import { mqlThresholdFor } from '../domain/scoring.ts';
import type { Clock } from '../ports/clock.ts';
import type { DefinitionStore } from '../ports/definition-store.ts';
import type { FunnelStore } from '../ports/funnel-store.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import { NoDefinitionError } from './qualify-prospects.ts';
import { funnelTotals, type ReportWindow, reportUntil } from './report-funnel.ts';

export interface Suggestion {
  dimension: SuggestionDimension;
  key: string;
  evidence: GroupEvidence & { cut: CutEvidence; summary: string };
  /** The MQL bar for this group now and as proposed. */
  mqlThreshold: { from: number; to: number };
  /** Open MQLs of the group below the proposed bar: they would go back to review or nurture. */
  openLeadsMoving: number;
  basedOnVersion: number;
  draft: MqlDefinitionDraft;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

function summary(e: GroupEvidence, cut: CutEvidence): string {
  return (
    `sales accepted ${e.accepted} of ${e.decided} decided MQLs from ${e.dimension} ${e.key} ` +
    `(${pct(e.rate.value)}, 95% CI ${pct(e.rate.low)}–${pct(e.rate.high)}) against ` +
    `${pct(e.rest.value)} (${pct(e.rest.low)}–${pct(e.rest.high)}) for the rest; raising its bar by ${cut.delta} ` +
    `would have held back ${cut.rejectedHeldBack} rejected and ${cut.acceptedHeldBack} accepted leads`
  );
}

async function openBelow(
  leads: LeadStore,
  dimension: SuggestionDimension,
  key: string,
  bar: number,
  maxPages: number,
) {
  let moving = 0;
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const p = await leads.listByState('mql', 100, cursor);
    for (const lead of p.items) {
      const inGroup = dimension === 'source' ? lead.profile.source === key : lead.campaignIds.includes(key);
      if (inGroup && lead.score < bar) moving++;
    }
    cursor = p.nextCursor;
    if (!cursor) break;
  }
  return moving;
}

/**
 * Finds the sources and campaigns sales accepts clearly less often than the rest, and for each
 * proposes a draft definition that nurtures them longer (a stricter MQL bar), with the evidence
 * and the open leads that would move. Nothing is published: a person does that.
 */
export async function suggestNurture(
  deps: { funnel: FunnelStore; definitions: DefinitionStore; leads: LeadStore; clock: Clock },
  input: ReportWindow & { minDecided?: number; maxLeadPages?: number } = {},
): Promise<{ suggestions: Suggestion[]; tooSmall: GroupEvidence[]; judged: GroupEvidence[] }> {
  const current = await deps.definitions.currentDefinition();
  if (!current) throw new NoDefinitionError();
  const now = deps.clock.now();
  const since = input.since ?? new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const feedback = await deps.funnel.listFeedback(since, reportUntil(now));
  const suggestions: Suggestion[] = [];
  const tooSmall: GroupEvidence[] = [];
  const judged: GroupEvidence[] = [];
  for (const dimension of ['source', 'campaign'] as const) {
    const { totals } = await funnelTotals(deps, dimension, input);
    const judgement = judgeGroups(dimension, totals, input.minDecided ?? 10);
    tooSmall.push(...judgement.tooSmall);
    judged.push(...judgement.weak, ...judgement.fine);
    for (const weak of judgement.weak) {
      const records = feedback.filter((r: FeedbackRecord) =>
        dimension === 'source' ? r.cohort.source === weak.key : r.cohort.campaign === weak.key,
      );
      const bar = mqlThresholdFor(
        current,
        dimension === 'source' ? weak.key : '',
        new Set(dimension === 'campaign' ? [weak.key] : []),
      );
      const cut = chooseDelta(records, bar, weak.rest.low);
      suggestions.push({
        dimension,
        key: weak.key,
        evidence: { ...weak, cut, summary: summary(weak, cut) },
        mqlThreshold: { from: bar, to: bar + cut.delta },
        openLeadsMoving: await openBelow(
          deps.leads,
          dimension,
          weak.key,
          bar + cut.delta,
          input.maxLeadPages ?? 50,
        ),
        basedOnVersion: current.version,
        draft: draftWithRaise(current, dimension, weak.key, cut.delta),
      });
    }
  }
  return { suggestions, tooSmall, judged };
}
