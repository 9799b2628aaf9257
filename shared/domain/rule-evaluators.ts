import type { Disqualifier, FitRule, IntentRule, MqlDefinition } from './mql-definition.ts';
import type { ProspectProfile } from './prospect.ts';
import { firstMatch, isQuestion, termsMatcher } from './text-match.ts';

/** The intent classifier as scoring sees it: a probability that a post shows buying intent. */
export interface IntentScorer {
  readonly version: string;
  probability(text: string): number;
}

export type FitEvaluator = { rule: FitRule; evidence: (p: ProspectProfile, now: Date) => string | undefined };
/** Intent evaluators get the post text and, lazily, the classifier's probability for it. */
export type IntentEvaluator = {
  rule: IntentRule;
  evidence: (text: string, probability: () => number) => { points: number; evidence: string } | undefined;
};
export type DisqualifierEvaluator = {
  rule: Disqualifier;
  evidence: (p: ProspectProfile, now: Date) => string | undefined;
};

/** A definition with its regexes built once, so scoring a post costs no compilation. */
export interface CompiledDefinition {
  definition: MqlDefinition;
  intentScorer?: IntentScorer;
  fit: FitEvaluator[];
  intent: IntentEvaluator[];
  disqualifiers: DisqualifierEvaluator[];
}

export class MissingIntentModelError extends Error {
  constructor(ruleId: string) {
    super(`rule ${ruleId} needs the intent model, and none was loaded`);
    this.name = 'MissingIntentModelError';
  }
}

const DAY_MS = 86_400_000;
export const ageDays = (iso: string | undefined, now: Date) =>
  iso === undefined ? undefined : (now.getTime() - Date.parse(iso)) / DAY_MS;

function matcher(terms: readonly string[]): (text: string) => string | undefined {
  const re = termsMatcher(terms);
  return (text) => firstMatch(re, text);
}

function domainOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url.includes('://') ? url : `https://${url}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return undefined;
  }
}

function fitEvaluator(rule: FitRule): FitEvaluator {
  switch (rule.kind) {
    case 'fit.keyword': {
      const match = matcher(rule.terms);
      return { rule, evidence: (p) => match(p[rule.field] ?? '') };
    }
    case 'fit.followers':
      return {
        rule,
        evidence: (p) =>
          (rule.min === undefined || p.followers >= rule.min) &&
          (rule.max === undefined || p.followers <= rule.max)
            ? `${p.followers} followers`
            : undefined,
      };
    case 'fit.accountAge':
      return {
        rule,
        evidence: (p, now) => {
          const age = ageDays(p.accountCreatedAt, now);
          return age !== undefined && age >= rule.minDays ? `account ${Math.floor(age)} days old` : undefined;
        },
      };
    case 'fit.companyUrl':
      return { rule, evidence: (p) => p.url || undefined };
  }
}

function intentEvaluator(rule: IntentRule, scorer: IntentScorer | undefined): IntentEvaluator {
  const found = (evidence: string | undefined, points: number) =>
    evidence === undefined ? undefined : { points, evidence };
  switch (rule.kind) {
    case 'intent.phrase': {
      const match = matcher(rule.phrases);
      return { rule, evidence: (text) => found(match(text), rule.points) };
    }
    case 'intent.competitor': {
      const match = matcher(rule.competitors);
      return { rule, evidence: (text) => found(match(text), rule.points) };
    }
    case 'intent.question':
      return { rule, evidence: (text) => found(isQuestion(text) ? 'question' : undefined, rule.points) };
    case 'intent.model': {
      if (!scorer) throw new MissingIntentModelError(rule.id);
      const bands = [...rule.bands].reverse();
      return {
        rule,
        evidence: (_text, probability) => {
          const p = probability();
          const band = bands.find((b) => p >= b.min);
          return band
            ? { points: band.points, evidence: `p=${p.toFixed(2)} (model ${scorer.version})` }
            : undefined;
        },
      };
    }
  }
}

function disqualifierEvaluator(rule: Disqualifier): DisqualifierEvaluator {
  switch (rule.kind) {
    case 'dq.keyword': {
      const match = matcher(rule.terms);
      return { rule, evidence: (p) => match(p[rule.field]) };
    }
    case 'dq.handle': {
      const match = matcher(rule.handles);
      return { rule, evidence: (p) => match(p.handle) };
    }
    case 'dq.customer': {
      const handles = new Set(rule.handles.map((h) => h.replace(/^@/, '').toLowerCase()));
      const domains = new Set(rule.domains.map((d) => d.toLowerCase()));
      return {
        rule,
        evidence: (p) => {
          const domain = domainOf(p.url);
          if (handles.has(p.handle.toLowerCase())) return `customer @${p.handle}`;
          return domain && domains.has(domain) ? `customer domain ${domain}` : undefined;
        },
      };
    }
    case 'dq.bot':
      return {
        rule,
        evidence: (p, now) => {
          const age = Math.max(ageDays(p.accountCreatedAt, now) ?? Number.POSITIVE_INFINITY, 1);
          const perDay = p.postsCount / age;
          return age <= rule.maxAccountAgeDays &&
            perDay >= rule.minPostsPerDay &&
            p.followers <= rule.maxFollowers
            ? `account ${Math.round(age)} days old, ${Math.round(perDay)} posts/day, ${p.followers} followers`
            : undefined;
        },
      };
  }
}

/** Builds every rule's evaluator once; intent.model rules need the classifier. */
export function compileDefinition(
  definition: MqlDefinition,
  intentScorer?: IntentScorer,
): CompiledDefinition {
  return {
    definition,
    intentScorer,
    fit: definition.fit.map(fitEvaluator),
    intent: definition.intent.map((r) => intentEvaluator(r, intentScorer)),
    disqualifiers: definition.disqualifiers.map(disqualifierEvaluator),
  };
}
