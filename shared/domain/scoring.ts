import type { LeadState } from './lead-state.ts';
import type { Disqualifier, FitRule, IntentRule, MqlDefinition } from './mql-definition.ts';
import type { ProspectProfile } from './prospect.ts';
import type { Signal } from './signal.ts';
import { firstMatch, isQuestion, termsMatcher } from './text-match.ts';

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
  state: LeadState;
  mqlThreshold: number;
  definitionVersion: number;
  breakdown: BreakdownEntry[];
  disqualifiedBy?: string;
}

type Check<R> = { rule: R; test: (text: string) => string | undefined };

/** A definition with its regexes built once, so scoring a post costs no compilation. */
export interface CompiledDefinition {
  definition: MqlDefinition;
  fit: Check<FitRule>[];
  intent: Check<IntentRule>[];
  disqualifiers: Check<Disqualifier>[];
}

const DAY_MS = 86_400_000;

function regexCheck(terms: readonly string[]): (text: string) => string | undefined {
  const re = termsMatcher(terms);
  return (text) => firstMatch(re, text);
}

export function compileDefinition(definition: MqlDefinition): CompiledDefinition {
  const none = () => undefined;
  return {
    definition,
    fit: definition.fit.map((rule) => ({
      rule,
      test: rule.kind === 'fit.keyword' ? regexCheck(rule.terms) : none,
    })),
    intent: definition.intent.map((rule) => ({
      rule,
      test:
        rule.kind === 'intent.phrase'
          ? regexCheck(rule.phrases)
          : rule.kind === 'intent.competitor'
            ? regexCheck(rule.competitors)
            : (text: string) => (isQuestion(text) ? 'question' : undefined),
    })),
    disqualifiers: definition.disqualifiers.map((rule) => ({
      rule,
      test:
        rule.kind === 'dq.keyword'
          ? regexCheck(rule.terms)
          : rule.kind === 'dq.handle'
            ? regexCheck(rule.handles)
            : none,
    })),
  };
}

function ageDays(iso: string | undefined, now: Date): number | undefined {
  return iso === undefined ? undefined : (now.getTime() - Date.parse(iso)) / DAY_MS;
}

function disqualify(c: CompiledDefinition, p: ProspectProfile, now: Date): BreakdownEntry | undefined {
  for (const { rule, test } of c.disqualifiers) {
    const hit =
      rule.kind === 'dq.keyword'
        ? test(p[rule.field])
        : rule.kind === 'dq.handle'
          ? test(p.handle)
          : botEvidence(rule, p, now);
    if (hit !== undefined) return { ruleId: rule.id, kind: rule.kind, points: 0, evidence: hit };
  }
  return undefined;
}

function botEvidence(
  rule: Extract<Disqualifier, { kind: 'dq.bot' }>,
  p: ProspectProfile,
  now: Date,
): string | undefined {
  const age = Math.max(ageDays(p.accountCreatedAt, now) ?? Number.POSITIVE_INFINITY, 1);
  const perDay = p.postsCount / age;
  if (age <= rule.maxAccountAgeDays && perDay >= rule.minPostsPerDay && p.followers <= rule.maxFollowers) {
    return `account ${Math.round(age)} days old, ${Math.round(perDay)} posts/day, ${p.followers} followers`;
  }
  return undefined;
}

function fitEntry({ rule, test }: Check<FitRule>, p: ProspectProfile, now: Date): BreakdownEntry | undefined {
  let evidence: string | undefined;
  switch (rule.kind) {
    case 'fit.keyword':
      evidence = test(p[rule.field] ?? '');
      break;
    case 'fit.followers':
      if (
        (rule.min === undefined || p.followers >= rule.min) &&
        (rule.max === undefined || p.followers <= rule.max)
      ) {
        evidence = `${p.followers} followers`;
      }
      break;
    case 'fit.accountAge': {
      const age = ageDays(p.accountCreatedAt, now);
      if (age !== undefined && age >= rule.minDays) evidence = `account ${Math.floor(age)} days old`;
      break;
    }
    case 'fit.companyUrl':
      if (p.url) evidence = p.url;
      break;
  }
  return evidence === undefined
    ? undefined
    : { ruleId: rule.id, kind: rule.kind, points: rule.points, evidence };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

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
 * Scores a prospect: fit once, intent per post with exponential decay by the post's age, then
 * the thresholds. Pure, so a new definition can re-score everything and explain every point.
 */
export function scoreProspect(
  c: CompiledDefinition,
  profile: ProspectProfile,
  signals: readonly Signal[],
  now: Date,
): ScoreResult {
  const d = c.definition;
  const campaigns = new Set(signals.flatMap((s) => s.campaignIds));
  const mqlThreshold = mqlThresholdFor(d, profile.source, campaigns);
  const base = { mqlThreshold, definitionVersion: d.version };
  const dq = disqualify(c, profile, now);
  if (dq)
    return {
      ...base,
      score: 0,
      fitPoints: 0,
      intentPoints: 0,
      state: 'disqualified',
      breakdown: [dq],
      disqualifiedBy: dq.ruleId,
    };

  const breakdown: BreakdownEntry[] = [];
  let fitPoints = 0;
  for (const check of c.fit) {
    const entry = fitEntry(check, profile, now);
    if (entry) {
      breakdown.push(entry);
      fitPoints += entry.points;
    }
  }
  let intentPoints = 0;
  for (const s of signals) {
    if (s.postKind === 'retweet') continue;
    const decay = 0.5 ** (Math.max(ageDays(s.at, now) ?? 0, 0) / d.halfLifeDays);
    for (const { rule, test } of c.intent) {
      const evidence = test(s.text);
      if (evidence === undefined) continue;
      const points = round2(rule.points * decay);
      breakdown.push({ ruleId: rule.id, kind: rule.kind, points, evidence, postId: s.postId });
      intentPoints += points;
    }
  }
  const score = round2(fitPoints + intentPoints);
  const needsIntent = d.thresholds.requireIntent && intentPoints <= 0;
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
    state,
    breakdown,
  };
}
