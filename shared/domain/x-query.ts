import * as z from 'zod';

/** The recent-search limit for self-serve access (Enterprise allows more; we stay within it). */
export const MAX_QUERY_LENGTH = 512;

const CONJUNCTION_REQUIRED = /^-?(is|has|lang|place_country|point_radius|bounding_box|sample):/i;

/** Structured listening input that marketers fill in; the builder turns it into valid X syntax. */
export const QueryInputSchema = z
  .object({
    all: z.array(z.string().trim().min(1)).default([]),
    any: z.array(z.string().trim().min(1)).default([]),
    phrases: z.array(z.string().trim().min(1)).default([]),
    exclude: z.array(z.string().trim().min(1)).default([]),
    lang: z
      .string()
      .regex(/^[a-z]{2}$/, 'a two-letter language code')
      .optional(),
    excludeRetweets: z.boolean().default(false),
    excludeReplies: z.boolean().default(false),
    from: z.array(z.string().regex(/^\w{1,15}$/, 'an X handle without @')).default([]),
    to: z.array(z.string().regex(/^\w{1,15}$/, 'an X handle without @')).default([]),
  })
  .refine((q) => q.all.length + q.any.length + q.phrases.length + q.from.length + q.to.length > 0, {
    message: 'give at least one term, phrase or account to listen for',
  });
export type QueryInput = z.input<typeof QueryInputSchema>;

export class InvalidQueryError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid X query: ${problems.join('; ')}`);
    this.name = 'InvalidQueryError';
  }
}

const quoteIfNeeded = (term: string) => (/[\s"():]/.test(term) ? `"${term.replaceAll('"', '')}"` : term);

/** Builds an X recent-search query from structured input, then validates it like a hand-written one. */
export function buildXQuery(raw: QueryInput): string {
  const q = QueryInputSchema.parse(raw);
  const anyTerms = [...q.any.map(quoteIfNeeded), ...q.phrases.map((p) => `"${p.replaceAll('"', '')}"`)];
  const accounts = [...q.from.map((h) => `from:${h}`), ...q.to.map((h) => `to:${h}`)];
  const parts = [
    ...q.all.map(quoteIfNeeded),
    anyTerms.length > 1 ? `(${anyTerms.join(' OR ')})` : (anyTerms[0] ?? ''),
    accounts.length > 1 ? `(${accounts.join(' OR ')})` : (accounts[0] ?? ''),
    ...q.exclude.map((t) => `-${quoteIfNeeded(t)}`),
    q.lang ? `lang:${q.lang}` : '',
    q.excludeRetweets ? '-is:retweet' : '',
    q.excludeReplies ? '-is:reply' : '',
  ].filter(Boolean);
  const query = parts.join(' ');
  validateXQuery(query);
  return query;
}

type Token = { text: string; negated: boolean; kind: 'open' | 'close' | 'or' | 'term' };

function tokenize(query: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const negated = c === '-';
    const start = negated ? i + 1 : i;
    const next = query[start];
    if (next === '(') {
      tokens.push({ text: '(', negated, kind: 'open' });
      i = start + 1;
    } else if (c === ')') {
      tokens.push({ text: ')', negated: false, kind: 'close' });
      i++;
    } else if (next === '"') {
      const end = query.indexOf('"', start + 1);
      if (end < 0) {
        problems.push(`close the quote opened at character ${start + 1}`);
        return tokens;
      }
      tokens.push({ text: query.slice(start, end + 1), negated, kind: 'term' });
      i = end + 1;
    } else {
      let end = start;
      while (end < query.length && !/[\s()]/.test(query[end] as string)) end++;
      const text = query.slice(start, end);
      tokens.push({ text, negated, kind: text === 'OR' && !negated ? 'or' : 'term' });
      i = Math.max(end, i + 1);
    }
  }
  return tokens;
}

/**
 * Checks a hand-written query against X's rules before it costs a request: length, balanced
 * groups and quotes, negation one term at a time, OR in capitals, and at least one standalone
 * operator (is:, has:, lang: ... cannot stand alone). Each problem says what to fix.
 */
export function validateXQuery(query: string): void {
  const problems: string[] = [];
  if (query.trim().length === 0) problems.push('the query is empty');
  if (query.length > MAX_QUERY_LENGTH)
    problems.push(`shorten it to ${MAX_QUERY_LENGTH} characters (it has ${query.length})`);
  const tokens = tokenize(query, problems);
  let depth = 0;
  tokens.forEach((t, n) => {
    if (t.kind === 'open') {
      depth++;
      if (t.negated) problems.push('negate terms one at a time (-a -b), not a group -(a OR b)');
    }
    if (t.kind === 'close' && --depth < 0) problems.push(`remove the unmatched ")" (token ${n + 1})`);
    if (t.kind === 'term' && t.text === '-') problems.push('a lone "-" negates nothing');
    if (t.kind === 'term' && /^(or|and)$/i.test(t.text) && t.text !== 'OR') {
      problems.push(
        `"${t.text}" is searched as a word: write OR in capitals, and leave AND out (it is implicit)`,
      );
    }
    if (t.kind === 'or' && (n === 0 || n === tokens.length - 1))
      problems.push('OR needs a term on both sides');
  });
  if (depth > 0) problems.push('close every "(" with ")"');
  const standalone = tokens.some(
    (t) => t.kind === 'term' && !t.negated && !CONJUNCTION_REQUIRED.test(t.text),
  );
  if (tokens.length > 0 && !standalone) {
    problems.push(
      'add at least one keyword, "phrase", #hashtag, @mention or from:/to: account: is:, has: and lang: cannot stand alone',
    );
  }
  if (problems.length > 0) throw new InvalidQueryError([...new Set(problems)]);
}
