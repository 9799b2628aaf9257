import type { Engagement } from './engagement.ts';
import type { LeadState } from './lead-state.ts';
import type { FitGrade, MqlDefinition } from './mql-definition.ts';
import type { ProspectProfile } from './prospect.ts';
import { type CompiledDefinition, PostText, ProfileText } from './rule-evaluators.ts';
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
  /** The fit grade letter, when the definition has grade bands (a disqualified lead has none). */
  fitGrade?: FitGrade;
}

/** What we know about a prospect beyond their profile and posts. */
export interface ProspectContext {
  engagement?: readonly Engagement[];
  /** The person asked not to be contacted: no definition can override that. */
  optedOut?: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const DAY_MS = 86_400_000;
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

function resultOf(
  definitionVersion: number,
  mqlThreshold: number,
  state: LeadState,
  breakdown: BreakdownEntry[],
  fit = 0,
  intent = 0,
  engagement = 0,
): ScoreResult {
  return {
    score: round2(fit + intent + engagement),
    fitPoints: round2(fit),
    intentPoints: round2(intent),
    engagementPoints: round2(engagement),
    state,
    mqlThreshold,
    definitionVersion,
    breakdown,
  };
}

/** The letter for these fit points under the definition's bands; none without bands. */
export function fitGradeOf(definition: MqlDefinition, fitPoints: number): FitGrade | undefined {
  const g = definition.fitGrades;
  if (!g) return undefined;
  return fitPoints >= g.A ? 'A' : fitPoints >= g.B ? 'B' : fitPoints >= g.C ? 'C' : 'D';
}

/**
 * Holds a group's sum at its cap, and says so in the breakdown with the points taken off, so the
 * breakdown still adds up to the score and a reader sees the rules' raw total.
 */
function capped(
  group: 'fit' | 'intent' | 'engagement',
  sum: number,
  cap: number | undefined,
  breakdown: BreakdownEntry[],
) {
  if (cap === undefined || sum <= cap) return sum;
  breakdown.push({
    ruleId: `cap.${group}`,
    kind: 'cap',
    points: round2(cap - sum),
    evidence: `${group} capped at ${cap} (rules gave ${round2(sum)})`,
  });
  return cap;
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
  const mqlThreshold =
    d.adjustments.length === 0
      ? d.thresholds.mql
      : mqlThresholdFor(d, profile.source, new Set(signals.flatMap((s) => s.campaignIds)));
  if (context.optedOut) {
    return {
      ...resultOf(d.version, mqlThreshold, 'disqualified', [
        { ruleId: 'opt-out', kind: 'dq.optOut', points: 0, evidence: 'asked not to be contacted' },
      ]),
      disqualifiedBy: 'opt-out',
    };
  }
  const text = new ProfileText(profile, c.indexes);
  for (const { rule, evidence } of c.disqualifiers) {
    const hit = evidence(text, now);
    if (hit !== undefined)
      return {
        ...resultOf(d.version, mqlThreshold, 'disqualified', [
          { ruleId: rule.id, kind: rule.kind, points: 0, evidence: hit },
        ]),
        disqualifiedBy: rule.id,
      };
  }
  const nowMs = now.getTime();
  const perMs = 1 / (d.halfLifeDays * DAY_MS);
  const breakdown: BreakdownEntry[] = [];
  let fitPoints = 0;
  for (const { rule, evidence } of c.fit) {
    const hit = evidence(text, now);
    if (hit === undefined) continue;
    breakdown.push({ ruleId: rule.id, kind: rule.kind, points: rule.points, evidence: hit });
    fitPoints += rule.points;
  }
  fitPoints = capped('fit', fitPoints, d.caps?.fit, breakdown);
  let intentPoints = 0;
  for (const s of signals) {
    if (s.postKind === 'retweet') continue;
    const weight = 0.5 ** (Math.max(nowMs - Date.parse(s.at), 0) * perMs);
    const post = new PostText(s.text, c.indexes, c.intentScorer, s.intent);
    for (const { rule, evidence } of c.intent) {
      const hit = evidence(post);
      if (hit === undefined) continue;
      const points = round2(hit.points * weight);
      breakdown.push({ ruleId: rule.id, kind: rule.kind, points, evidence: hit.evidence, postId: s.postId });
      intentPoints += points;
    }
  }
  intentPoints = capped('intent', intentPoints, d.caps?.intent, breakdown);
  let engagementPoints = 0;
  if (d.engagement.length > 0 && context.engagement?.length) {
    for (const rule of d.engagement) {
      let latest: Engagement | undefined;
      for (const e of context.engagement)
        if (e.kind === ENGAGEMENT_KIND[rule.kind] && (!latest || e.at > latest.at)) latest = e;
      if (!latest) continue;
      const points = round2(rule.points * 0.5 ** (Math.max(nowMs - Date.parse(latest.at), 0) * perMs));
      breakdown.push({
        ruleId: rule.id,
        kind: rule.kind,
        points,
        evidence: `${latest.kind} ${latest.at.slice(0, 10)}${latest.taskId ? ` (task ${latest.taskId})` : ''}`,
        postId: latest.postId,
      });
      engagementPoints += points;
    }
  }
  engagementPoints = capped('engagement', engagementPoints, d.caps?.engagement, breakdown);
  const score = round2(fitPoints + intentPoints + engagementPoints);
  const needsIntent = d.thresholds.requireIntent && intentPoints + engagementPoints <= 0;
  const { minFit, minIntent } = d.thresholds;
  // Enough points but short of a required dimension (a grade, in Pardot's words): a person decides.
  const meetsMinimums =
    (minFit === undefined || fitPoints >= minFit) && (minIntent === undefined || intentPoints >= minIntent);
  if (!needsIntent && score >= mqlThreshold && !meetsMinimums) {
    // Say why a lead with the score waits in review: the breakdown is what the reviewer reads.
    if (minFit !== undefined && fitPoints < minFit)
      breakdown.push({
        ruleId: 'min.fit',
        kind: 'minimum',
        points: 0,
        evidence: `fit ${round2(fitPoints)} below the ${minFit} an MQL needs`,
      });
    if (minIntent !== undefined && intentPoints < minIntent)
      breakdown.push({
        ruleId: 'min.intent',
        kind: 'minimum',
        points: 0,
        evidence: `intent ${round2(intentPoints)} below the ${minIntent} an MQL needs`,
      });
  }
  const state: LeadState = needsIntent
    ? 'nurture'
    : score >= mqlThreshold && meetsMinimums
      ? 'mql'
      : score >= d.thresholds.reviewFloor
        ? 'review'
        : 'nurture';
  const result = resultOf(
    d.version,
    mqlThreshold,
    state,
    breakdown,
    fitPoints,
    intentPoints,
    engagementPoints,
  );
  const fitGrade = fitGradeOf(d, result.fitPoints);
  return fitGrade === undefined ? result : { ...result, fitGrade };
}
