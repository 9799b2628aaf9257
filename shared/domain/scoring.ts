import type { Engagement } from './engagement.ts';
import type { LeadState } from './lead-state.ts';
import type { MqlDefinition } from './mql-definition.ts';
import type { ProspectProfile } from './prospect.ts';
import { ageDays, type CompiledDefinition } from './rule-evaluators.ts';
import type { Signal } from './signal.ts';

export { type CompiledDefinition, compileDefinition, type IntentScorer } from './rule-evaluators.ts';

/** One line of a score's explanation: which rule gave how many points, and on what evidence. */
export interface BreakdownEntry {
  ruleId: string;
  kind: string;
  points: number;
  evidence: string;
  postId?: string;
}

export interface ScoreResult {
  score: number;
  fitPoints: number;
  intentPoints: number;
  engagementPoints: number;
  state: LeadState;
  mqlThreshold: number;
  definitionVersion: number;
  breakdown: BreakdownEntry[];
  disqualifiedBy?: string;
}

/** What we know about a prospect beyond their profile and posts. */
export interface ProspectContext {
  engagement?: readonly Engagement[];
  /** The person asked not to be contacted: no definition can override that. */
  optedOut?: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const ENGAGEMENT_KIND = {
  'engagement.replied': 'replied',
  'engagement.followedBack': 'followedBack',
  'engagement.mentioned': 'mentioned',
} as const;

/** The MQL bar for this prospect: the strictest adjustment among its source and campaigns applies. */
export function mqlThresholdFor(
  definition: MqlDefinition,
  source: string,
  campaignIds: ReadonlySet<string>,
): number {
  const deltas = definition.adjustments
    .filter(
      (a) =>
        (a.source === undefined || a.source === source) &&
        (a.campaignId === undefined || campaignIds.has(a.campaignId)),
    )
    .map((a) => a.mqlDelta);
  return definition.thresholds.mql + (deltas.length ? Math.max(...deltas) : 0);
}

/**
 * Scores a prospect: fit once, intent per post and engagement per event with exponential decay
 * by age, then the thresholds. Pure, so a new definition can re-score everything and explain
 * every point; the breakdown lists each rule that gave points and its evidence.
 */
export function scoreProspect(
  c: CompiledDefinition,
  profile: ProspectProfile,
  signals: readonly Signal[],
  now: Date,
  context: ProspectContext = {},
): ScoreResult {
  const d = c.definition;
  const mqlThreshold = mqlThresholdFor(d, profile.source, new Set(signals.flatMap((s) => s.campaignIds)));
  const base = {
    mqlThreshold,
    definitionVersion: d.version,
    fitPoints: 0,
    intentPoints: 0,
    engagementPoints: 0,
    score: 0,
  };
  if (context.optedOut) {
    return {
      ...base,
      state: 'disqualified',
      disqualifiedBy: 'opt-out',
      breakdown: [{ ruleId: 'opt-out', kind: 'dq.optOut', points: 0, evidence: 'asked not to be contacted' }],
    };
  }
  for (const { rule, evidence } of c.disqualifiers) {
    const hit = evidence(profile, now);
    if (hit !== undefined)
      return {
        ...base,
        state: 'disqualified',
        disqualifiedBy: rule.id,
        breakdown: [{ ruleId: rule.id, kind: rule.kind, points: 0, evidence: hit }],
      };
  }
  const decay = (iso: string) => 0.5 ** (Math.max(ageDays(iso, now) ?? 0, 0) / d.halfLifeDays);
  const breakdown: BreakdownEntry[] = [];
  let fitPoints = 0;
  for (const { rule, evidence } of c.fit) {
    const hit = evidence(profile, now);
    if (hit === undefined) continue;
    breakdown.push({ ruleId: rule.id, kind: rule.kind, points: rule.points, evidence: hit });
    fitPoints += rule.points;
  }
  let intentPoints = 0;
  for (const s of signals) {
    if (s.postKind === 'retweet') continue;
    const weight = decay(s.at);
    let probability: number | undefined;
    const lazyProbability = () => (probability ??= c.intentScorer?.probability(s.text) ?? 0);
    for (const { rule, evidence } of c.intent) {
      const hit = evidence(s.text, lazyProbability);
      if (!hit) continue;
      const points = round2(hit.points * weight);
      breakdown.push({ ruleId: rule.id, kind: rule.kind, points, evidence: hit.evidence, postId: s.postId });
      intentPoints += points;
    }
  }
  let engagementPoints = 0;
  for (const rule of d.engagement) {
    const latest = (context.engagement ?? [])
      .filter((e) => e.kind === ENGAGEMENT_KIND[rule.kind])
      .sort((a, b) => b.at.localeCompare(a.at))[0];
    if (!latest) continue;
    const points = round2(rule.points * decay(latest.at));
    breakdown.push({
      ruleId: rule.id,
      kind: rule.kind,
      points,
      evidence: `${latest.kind} ${latest.at.slice(0, 10)}`,
      postId: latest.postId,
    });
    engagementPoints += points;
  }
  const score = round2(fitPoints + intentPoints + engagementPoints);
  const needsIntent = d.thresholds.requireIntent && intentPoints + engagementPoints <= 0;
  const state: LeadState = needsIntent
    ? 'nurture'
    : score >= mqlThreshold
      ? 'mql'
      : score >= d.thresholds.reviewFloor
        ? 'review'
        : 'nurture';
  return {
    ...base,
    score,
    fitPoints: round2(fitPoints),
    intentPoints: round2(intentPoints),
    engagementPoints,
    state,
    breakdown,
  };
}
