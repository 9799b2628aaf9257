import type { Disqualifier, FitRule, IntentRule, MqlDefinition } from './mql-definition.ts';
import { MultiPhraseIndex } from './phrase-index.ts';
import type { ProspectProfile } from './prospect.ts';
import { isQuestion } from './text-match.ts';

/** The intent classifier as scoring sees it: a probability that a post shows buying intent. */
export interface IntentScorer {
  readonly version: string;
  probability(text: string): number;
}

type Field = 'bio' | 'name' | 'location';
const FIELDS: readonly Field[] = ['bio', 'name', 'location'];

/** Every keyword rule on profile fields, and every phrase rule on posts, in one index each. */
export interface TextIndexes {
  fields: Record<Field, MultiPhraseIndex>;
  post: MultiPhraseIndex;
}

/** A profile whose fields are matched against every keyword rule once, on first use. */
export class ProfileText {
  private readonly matches: Partial<Record<Field, (string | undefined)[]>> = {};
  constructor(
    readonly profile: ProspectProfile,
    private readonly indexes: TextIndexes,
  ) {}
  private ageDays: number | undefined | null = null;
  private site: string | undefined | null = null;

  /** Account age in days, parsed once (two rules read it). */
  accountAgeDays(now: Date): number | undefined {
    if (this.ageDays === null) this.ageDays = ageDays(this.profile.accountCreatedAt, now);
    return this.ageDays;
  }

  /** The website's domain, parsed once and only if a rule needs it (URL parsing is costly). */
  domain(): string | undefined {
    if (this.site === null) this.site = domainOf(this.profile.url);
    return this.site;
  }

  match(field: Field, slot: number): string | undefined {
    let m = this.matches[field];
    if (!m) {
      const text = this.profile[field] ?? '';
      m = this.indexes.fields[field].matchAll(text);
      this.matches[field] = m;
    }
    return m[slot];
  }
}

/** A probability stored with the model version that computed it (see Signal.intent). */
export interface StoredIntent {
  readonly p: number;
  readonly model: string;
}

/**
 * A post's text, its phrase matches (one pass for all rules) and its intent probability: the one
 * stored at ingest when there is one (the two-stage model ran then, and rescoring must never run
 * its encoder again), else the synchronous fallback's, computed lazily.
 */
export class PostText {
  readonly matches: (string | undefined)[];
  private p: number | undefined;
  constructor(
    readonly text: string,
    indexes: TextIndexes,
    private readonly scorer: IntentScorer | undefined,
    private readonly stored?: StoredIntent,
  ) {
    this.matches = indexes.post.matchAll(text);
    this.p = stored?.p;
  }
  probability(): number {
    if (this.p === undefined) this.p = this.scorer?.probability(this.text) ?? 0;
    return this.p;
  }
  /** The model version behind `probability()`: the stored one, else the fallback's. */
  model(): string | undefined {
    return this.stored?.model ?? this.scorer?.version;
  }
}

type Hit = { points: number; evidence: string } | undefined;
export type FitEvaluator = { rule: FitRule; evidence: (p: ProfileText, now: Date) => string | undefined };
export type IntentEvaluator = { rule: IntentRule; evidence: (post: PostText) => Hit };
export type DisqualifierEvaluator = {
  rule: Disqualifier;
  evidence: (p: ProfileText, now: Date) => string | undefined;
};

/** A definition with its phrase indexes built once, so scoring a post costs no compilation. */
export interface CompiledDefinition {
  definition: MqlDefinition;
  intentScorer?: IntentScorer;
  indexes: TextIndexes;
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

function inField(indexes: TextIndexes, terms: readonly string[], field: Field) {
  const slot = indexes.fields[field].add(terms);
  return (p: ProfileText) => p.match(field, slot);
}

function inPost(indexes: TextIndexes, terms: readonly string[], points: number) {
  const slot = indexes.post.add(terms);
  return (post: PostText): Hit => {
    const evidence = post.matches[slot];
    return evidence === undefined ? undefined : { points, evidence };
  };
}

function domainOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url.includes('://') ? url : `https://${url}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return undefined;
  }
}

function fitEvaluator(rule: FitRule, indexes: TextIndexes): FitEvaluator {
  switch (rule.kind) {
    case 'fit.keyword':
      return { rule, evidence: inField(indexes, rule.terms, rule.field) };
    case 'fit.followers':
      return {
        rule,
        evidence: ({ profile: p }) =>
          (rule.min === undefined || p.followers >= rule.min) &&
          (rule.max === undefined || p.followers <= rule.max)
            ? `${p.followers} followers`
            : undefined,
      };
    case 'fit.accountAge':
      return {
        rule,
        evidence: (text, now) => {
          const age = text.accountAgeDays(now);
          return age !== undefined && age >= rule.minDays ? `account ${Math.floor(age)} days old` : undefined;
        },
      };
    case 'fit.companyUrl':
      return { rule, evidence: ({ profile: p }) => p.url || undefined };
  }
}

function intentEvaluator(
  rule: IntentRule,
  scorer: IntentScorer | undefined,
  indexes: TextIndexes,
): IntentEvaluator {
  switch (rule.kind) {
    case 'intent.phrase':
      return { rule, evidence: inPost(indexes, rule.phrases, rule.points) };
    case 'intent.competitor':
      return { rule, evidence: inPost(indexes, rule.competitors, rule.points) };
    case 'intent.question':
      return {
        rule,
        evidence: (post) =>
          isQuestion(post.text) ? { points: rule.points, evidence: 'question' } : undefined,
      };
    case 'intent.model': {
      if (!scorer) throw new MissingIntentModelError(rule.id);
      const bands = [...rule.bands].reverse();
      return {
        rule,
        evidence: (post) => {
          const p = post.probability();
          const band = bands.find((b) => p >= b.min);
          return band
            ? { points: band.points, evidence: `p=${p.toFixed(2)} (model ${post.model()})` }
            : undefined;
        },
      };
    }
  }
}

function disqualifierEvaluator(rule: Disqualifier, indexes: TextIndexes): DisqualifierEvaluator {
  switch (rule.kind) {
    case 'dq.keyword':
      return { rule, evidence: inField(indexes, rule.terms, rule.field) };
    case 'dq.handle': {
      const handles = new Set(rule.handles.map((h) => h.replace(/^@/, '').toLowerCase()));
      return {
        rule,
        evidence: ({ profile: p }) => (handles.has(p.handle.toLowerCase()) ? `@${p.handle}` : undefined),
      };
    }
    case 'dq.customer': {
      const handles = new Set(rule.handles.map((h) => h.replace(/^@/, '').toLowerCase()));
      const domains = new Set(rule.domains.map((d) => d.toLowerCase()));
      return {
        rule,
        evidence: (text) => {
          const p = text.profile;
          if (handles.size > 0 && handles.has(p.handle.toLowerCase())) return `customer @${p.handle}`;
          if (domains.size === 0) return undefined;
          const domain = text.domain();
          return domain && domains.has(domain) ? `customer domain ${domain}` : undefined;
        },
      };
    }
    case 'dq.bot':
      return {
        rule,
        evidence: (text, now) => {
          const p = text.profile;
          const age = Math.max(text.accountAgeDays(now) ?? Number.POSITIVE_INFINITY, 1);
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
  const indexes: TextIndexes = {
    fields: Object.fromEntries(FIELDS.map((f) => [f, new MultiPhraseIndex()])) as Record<
      Field,
      MultiPhraseIndex
    >,
    post: new MultiPhraseIndex(),
  };
  return {
    definition,
    intentScorer,
    indexes,
    fit: definition.fit.map((r) => fitEvaluator(r, indexes)),
    intent: definition.intent.map((r) => intentEvaluator(r, intentScorer, indexes)),
    disqualifiers: definition.disqualifiers.map((r) => disqualifierEvaluator(r, indexes)),
  };
}
