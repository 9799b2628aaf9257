import type {
  AdjustmentSchema,
  Disqualifier,
  EngagementRule,
  FitRule,
  IntentRule,
  MqlDefinitionDraft,
} from './mql-definition.ts';

type Adjustment = import('zod').infer<typeof AdjustmentSchema>;

/** One rule as a sentence, with the id people see in score breakdowns. */
export interface RuleInWords {
  id: string;
  text: string;
}

export interface SectionInWords {
  title: string;
  rules: RuleInWords[];
}

/** A definition as sales and marketing read it: the bar, then each section's rules as sentences. */
export interface DefinitionInWords {
  summary: string[];
  sections: SectionInWords[];
}

/** How many terms a sentence names before it says "and N more": a 5,000-handle list stays readable. */
const SHOWN_TERMS = 8;

const signed = (points: number) => `${points >= 0 ? '+' : '−'}${Math.abs(points)} points`;

function listOf(terms: readonly string[], joiner: 'or' | 'and' = 'or'): string {
  const shown = terms.slice(0, SHOWN_TERMS).map((t) => `“${t}”`);
  const more = terms.length - shown.length;
  if (more > 0) return `${shown.join(', ')} ${joiner} ${more} more`;
  if (shown.length < 2) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${joiner} ${shown.at(-1)}`;
}

const FIELD: Record<string, string> = { bio: 'bio', name: 'name', location: 'location' };

function fitInWords(rule: FitRule): string {
  switch (rule.kind) {
    case 'fit.keyword':
      return `${signed(rule.points)} when the ${FIELD[rule.field]} mentions ${listOf(rule.terms)}`;
    case 'fit.followers': {
      const band =
        rule.min !== undefined && rule.max !== undefined
          ? `between ${rule.min.toLocaleString('en')} and ${rule.max.toLocaleString('en')}`
          : rule.min !== undefined
            ? `at least ${rule.min.toLocaleString('en')}`
            : rule.max !== undefined
              ? `at most ${rule.max.toLocaleString('en')}`
              : 'any number of';
      return `${signed(rule.points)} with ${band} followers`;
    }
    case 'fit.accountAge':
      return `${signed(rule.points)} when the account is at least ${rule.minDays} days old`;
    case 'fit.companyUrl':
      return `${signed(rule.points)} when the profile links a company website`;
  }
}

function intentInWords(rule: IntentRule): string {
  switch (rule.kind) {
    case 'intent.phrase':
      return `${signed(rule.points)} per post that says ${listOf(rule.phrases)}`;
    case 'intent.competitor':
      return `${signed(rule.points)} per post that names a competitor: ${listOf(rule.competitors)}`;
    case 'intent.question':
      return `${signed(rule.points)} per post that asks a question`;
    case 'intent.model': {
      const bands = rule.bands.map((b) => `${signed(b.points)} from ${Math.round(b.min * 100)}%`).join(', ');
      return `the intent model's confidence that a post shows buying intent gives ${bands}`;
    }
  }
}

const ENGAGEMENT: Record<EngagementRule['kind'], string> = {
  'engagement.replied': 'replied to us',
  'engagement.followedBack': 'followed us back',
  'engagement.mentioned': 'mentioned us',
};

function disqualifierInWords(rule: Disqualifier): string {
  switch (rule.kind) {
    case 'dq.keyword':
      return `out when the ${FIELD[rule.field]} mentions ${listOf(rule.terms)}`;
    case 'dq.handle':
      return `out when the handle is ${listOf(rule.handles)}`;
    case 'dq.customer': {
      const parts = [
        rule.handles.length ? `the handle is ${listOf(rule.handles)}` : '',
        rule.domains.length ? `the profile links ${listOf(rule.domains)}` : '',
      ].filter(Boolean);
      return `out as an existing customer when ${parts.join(', or ') || 'listed (the list is empty)'}`;
    }
    case 'dq.bot':
      return `out as a likely bot: account younger than ${rule.maxAccountAgeDays} days, at least ${rule.minPostsPerDay} posts a day and at most ${rule.maxFollowers.toLocaleString('en')} followers`;
  }
}

function adjustmentInWords(a: Adjustment): string {
  const scope = [a.source ? `from ${a.source}` : '', a.campaignId ? `in campaign ${a.campaignId}` : '']
    .filter(Boolean)
    .join(' ');
  const direction = a.mqlDelta >= 0 ? 'raises' : 'lowers';
  return `leads ${scope}: ${direction} the MQL bar by ${Math.abs(a.mqlDelta)} points`;
}

/**
 * Renders a definition as sentences ("+20 points when the bio mentions “VP” or “CTO”"), so the
 * people who own it can read what it does without reading JSON. Rule ids stay beside each
 * sentence because score breakdowns and diffs name rules by id.
 */
export function definitionInWords(d: MqlDefinitionDraft): DefinitionInWords {
  const t = d.thresholds;
  const summary = [
    `A lead becomes an MQL at ${t.mql} points and goes to review from ${t.reviewFloor} points; below that it nurtures.`,
    t.requireIntent
      ? 'A lead needs points from a post or from engagement to reach review or MQL, whatever its fit.'
      : 'Fit alone can qualify a lead: no intent signal is required.',
    `Points from posts and engagement halve every ${d.halfLifeDays} days.`,
    ...(d.adjustments.length > 0
      ? ['Where several source or campaign adjustments apply, the one that raises the bar most counts.']
      : []),
  ];
  const section = <R extends { id: string }>(title: string, rules: readonly R[], say: (r: R) => string) => ({
    title,
    rules: rules.map((r) => ({ id: r.id, text: say(r) })),
  });
  return {
    summary,
    sections: [
      section('Who they are (fit, counted once)', d.fit, fitInWords),
      section('What they said (intent, per post, decaying)', d.intent, intentInWords),
      section(
        'What they did towards us (engagement, decaying)',
        d.engagement,
        (r) => `${signed(r.points)} when they ${ENGAGEMENT[r.kind]}`,
      ),
      section('Never qualify (disqualifiers)', d.disqualifiers, disqualifierInWords),
      section('Per source or campaign', d.adjustments, adjustmentInWords),
    ].filter((s) => s.rules.length > 0),
  };
}
