import type { FunnelTotals, Rate } from './funnel-report.ts';
import { wilson } from './funnel-report.ts';
import type { MqlDefinition, MqlDefinitionDraft } from './mql-definition.ts';
import type { FeedbackRecord } from './sales-records.ts';
import { mqlThresholdFor } from './scoring.ts';

export type SuggestionDimension = 'source' | 'campaign';

/** How sales judged a group's MQLs: accepted (incl. won and lost) against all decided. */
export interface GroupEvidence {
  dimension: SuggestionDimension;
  key: string;
  decided: number;
  accepted: number;
  rejected: number;
  waiting: number;
  rate: Rate;
  /** The same for every other group of the dimension, pooled. */
  rest: Rate;
  wonRate: Rate;
  restWonRate: Rate;
}

export interface CutEvidence {
  /** Points added to the group's MQL bar. */
  delta: number;
  /** Decided leads that would still have reached sales, and how many of them sales accepted. */
  kept: number;
  keptAccepted: number;
  /** Rejected leads the stricter bar would have kept in nurture. */
  rejectedHeldBack: number;
  acceptedHeldBack: number;
}

export interface Judgement {
  weak: GroupEvidence[];
  tooSmall: GroupEvidence[];
  fine: GroupEvidence[];
}

/**
 * A group is weak when its MQL→accepted (or MQL→won) interval lies wholly below the rest's:
 * a difference the data supports, not one a few unlucky leads made. Groups with fewer decided
 * leads than `minDecided` are reported as too small to judge.
 */
export function judgeGroups(
  dimension: SuggestionDimension,
  totals: Map<string, FunnelTotals>,
  minDecided: number,
): Judgement {
  const out: Judgement = { weak: [], tooSmall: [], fine: [] };
  const all = [...totals];
  const sum = (pick: (t: FunnelTotals) => number, except?: string) =>
    all.filter(([k]) => k !== except).reduce((n, [, t]) => n + pick(t), 0);
  for (const [key, t] of all) {
    const accepted = t.counts.accepted;
    const rejected = t.counts.rejected;
    const decided = accepted + rejected;
    const restAccepted = sum((x) => x.counts.accepted, key);
    const restDecided = restAccepted + sum((x) => x.counts.rejected, key);
    const evidence: GroupEvidence = {
      dimension,
      key,
      decided,
      accepted,
      rejected,
      waiting: Math.max(0, t.counts.mql - decided),
      rate: wilson(accepted, decided),
      rest: wilson(restAccepted, restDecided),
      wonRate: wilson(t.counts.won, t.counts.mql),
      restWonRate: wilson(
        sum((x) => x.counts.won, key),
        sum((x) => x.counts.mql, key),
      ),
    };
    if (decided < minDecided || restDecided < minDecided) out.tooSmall.push(evidence);
    else if (evidence.rate.high < evidence.rest.low || evidence.wonRate.high < evidence.restWonRate.low)
      out.weak.push(evidence);
    else out.fine.push(evidence);
  }
  return out;
}

const CANDIDATE_DELTAS = [5, 10, 15, 20, 25, 30, 40, 50];

/**
 * The smallest raise of the group's bar under which the decisions sales already made would have
 * been accepted at the rest's lower bound; failing that, the raise that did best.
 */
export function chooseDelta(records: readonly FeedbackRecord[], bar: number, target: number): CutEvidence {
  // One outcome per lead: its latest decision (accepted, then won, is one accepted lead).
  const latest = new Map<string, FeedbackRecord>();
  for (const r of records) if ((latest.get(r.leadKey)?.at ?? '') <= r.at) latest.set(r.leadKey, r);
  const decided = [...latest.values()];
  const judge = (delta: number): CutEvidence => {
    const kept = decided.filter((r) => r.score >= bar + delta);
    const held = decided.filter((r) => r.score < bar + delta);
    // Lost deals were accepted first: sales judged them worth working, as MQL→accepted counts them.
    const ok = (r: FeedbackRecord) => r.to !== 'rejected';
    return {
      delta,
      kept: kept.length,
      keptAccepted: kept.filter(ok).length,
      rejectedHeldBack: held.filter((r) => !ok(r)).length,
      acceptedHeldBack: held.filter(ok).length,
    };
  };
  // Candidate bars: just above each score sales has judged, and a few round steps.
  const fromScores = decided.map((r) => Math.ceil(r.score - bar + 0.01)).filter((d) => d > 0 && d <= 500);
  const deltas = [...new Set([...CANDIDATE_DELTAS, ...fromScores])].sort((a, b) => a - b);
  const cuts = deltas.map(judge);
  const good = cuts.find((c) => c.kept > 0 && c.keptAccepted / c.kept >= target);
  if (good) return good;
  return cuts.reduce((best, c) =>
    c.kept >= 3 && c.keptAccepted / c.kept > best.keptAccepted / Math.max(best.kept, 1) ? c : best,
  );
}

/** The current definition as a draft with the group's bar raised by `delta` (a person publishes it). */
export function draftWithRaise(
  current: MqlDefinition,
  dimension: SuggestionDimension,
  key: string,
  delta: number,
): MqlDefinitionDraft {
  const { version: _v, author: _a, note: _n, publishedAt: _p, ...draft } = current;
  const bar = mqlThresholdFor(
    current,
    dimension === 'source' ? key : '',
    new Set(dimension === 'campaign' ? [key] : []),
  );
  const raise = bar - current.thresholds.mql + delta;
  const id = `nurture.${dimension}-${key}`
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .slice(0, 63);
  const adjustment =
    dimension === 'source'
      ? { id, source: key as MqlDefinition['adjustments'][number]['source'], mqlDelta: raise }
      : { id, campaignId: key, mqlDelta: raise };
  return {
    ...draft,
    adjustments: [...draft.adjustments.filter((a) => a.id !== id), adjustment],
  } as MqlDefinitionDraft;
}
