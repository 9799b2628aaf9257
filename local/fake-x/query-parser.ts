/**
 * A practical subset of X (Twitter) v2 search query syntax, evaluated locally.
 *
 * Supported:
 *   - bare terms, implicitly ANDed:            crm pipeline
 *   - OR between terms / groups:               crm OR hubspot
 *   - parentheses:                              (crm OR hubspot) lang:en
 *   - exact phrases:                            "data warehouse"
 *   - negation of any atom or group:            -giveaway  -"free trial"  -is:retweet  -(a OR b)
 *   - lang:xx, is:retweet, is:reply, is:quote
 *   - #hashtag, @mention
 *
 * Semantics (all case-insensitive):
 *   - A word is a run of letters, digits or underscores (Unicode letters/digits; combining marks are
 *     kept with their letter). Everything else separates words.
 *   - A bare term matches when it appears as a whole word. Because `#` and `@` are not word characters,
 *     `crm` also matches the hashtag `#CRM` (and the word inside `@crm`). A bare term that itself contains
 *     separators (`on-call`) matches the same word sequence as the phrase `"on call"`.
 *   - `#tag` matches only the hashtag token `#tag` (not the plain word).
 *   - `@name` matches only the mention token `@name`.
 *   - A phrase matches a consecutive sequence of whole words; punctuation between them is ignored.
 *   - is:retweet / is:reply / is:quote look at referenced_tweets types retweeted / replied_to / quoted.
 *   - AND (juxtaposition) binds tighter than OR, as on X: `a b OR c` is `(a b) OR c`.
 */

export type IsKind = 'retweet' | 'reply' | 'quote';

export type QueryNode =
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'term'; value: string; words: string[] }
  | { type: 'phrase'; value: string; words: string[] }
  | { type: 'hashtag'; value: string }
  | { type: 'mention'; value: string }
  | { type: 'lang'; value: string }
  | { type: 'is'; value: IsKind };

export const WORD_CHAR = String.raw`\p{L}\p{M}\p{N}_`;
const WORD_RE = new RegExp(`[${WORD_CHAR}]+`, 'gu');

const IS_VALUES: Record<string, IsKind> = { retweet: 'retweet', reply: 'reply', quote: 'quote' };

/** X operators we recognise by name but do not implement; using them is an error rather than a silent miss. */
const UNSUPPORTED_OPERATORS = new Set(
  (
    'from to url retweets_of context entity conversation_id bio bio_name bio_location place place_country ' +
    'point_radius bounding_box has sample followers_count tweets_count following_count listed_count url_title ' +
    'url_description in_reply_to_tweet_id retweets_of_tweet_id quotes_of_tweet_id'
  ).split(' '),
);

export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD_RE) ?? []) as string[];
}

// ---------------------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { kind: 'lparen'; pos: number; negated: boolean }
  | { kind: 'rparen'; pos: number }
  | { kind: 'or'; pos: number }
  | { kind: 'phrase'; pos: number; negated: boolean; value: string }
  | { kind: 'word'; pos: number; negated: boolean; value: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  while (i < q.length) {
    const c = q[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (c === '-' && i + 1 < q.length && !isSpace(q[i + 1])) {
      negated = true;
      i++;
    }
    const d = q[i];
    if (d === '(') {
      tokens.push({ kind: 'lparen', pos: start, negated });
      i++;
      continue;
    }
    if (d === ')') {
      if (negated) throw new Error(`Invalid query: '-' before ')' at position ${start}`);
      tokens.push({ kind: 'rparen', pos: start });
      i++;
      continue;
    }
    if (d === '"') {
      const close = q.indexOf('"', i + 1);
      if (close === -1) {
        throw new Error(`Unbalanced quotes: phrase starting at position ${i} is never closed`);
      }
      tokens.push({ kind: 'phrase', pos: start, negated, value: q.slice(i + 1, close) });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < q.length && !isSpace(q[j]) && q[j] !== '(' && q[j] !== ')' && q[j] !== '"') j++;
    const value = q.slice(i, j);
    i = j;
    if (value === 'OR' && !negated) {
      tokens.push({ kind: 'or', pos: start });
      continue;
    }
    tokens.push({ kind: 'word', pos: start, negated, value });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------
// Parser (recursive descent): or := and ('OR' and)* ; and := unary+ ; unary := ['-'] atom

function atomFromWord(value: string, pos: number): QueryNode {
  const lower = value.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon > 0) {
    const op = lower.slice(0, colon);
    const arg = lower.slice(colon + 1);
    if (op === 'lang') {
      if (!/^[a-z]{2,3}(-[a-z0-9]+)?$/u.test(arg)) {
        throw new Error(`Invalid lang: operator value '${value}' at position ${pos}`);
      }
      return { type: 'lang', value: arg };
    }
    if (op === 'is') {
      const kind = IS_VALUES[arg];
      if (!kind)
        throw new Error(`Unsupported operator '${value}' at position ${pos} (is: retweet|reply|quote)`);
      return { type: 'is', value: kind };
    }
    if (UNSUPPORTED_OPERATORS.has(op)) {
      throw new Error(`Unsupported operator '${op}:' at position ${pos}`);
    }
  }
  if (lower.startsWith('#')) {
    const tag = lower.slice(1);
    if (!new RegExp(`^[${WORD_CHAR}]+$`, 'u').test(tag)) {
      throw new Error(`Invalid hashtag '${value}' at position ${pos}`);
    }
    return { type: 'hashtag', value: tag };
  }
  if (lower.startsWith('@')) {
    const name = lower.slice(1);
    if (!/^[a-z0-9_]+$/u.test(name)) throw new Error(`Invalid mention '${value}' at position ${pos}`);
    return { type: 'mention', value: name };
  }
  const ws = words(lower);
  if (ws.length === 0)
    throw new Error(`Invalid query: term '${value}' at position ${pos} has no letters or digits`);
  return { type: 'term', value: lower, words: ws };
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) throw new Error('Invalid query: query is empty');
    const node = this.parseOr();
    const t = this.tokens[this.i];
    if (t) {
      if (t.kind === 'rparen') throw new Error(`Unbalanced parentheses: unexpected ')' at position ${t.pos}`);
      throw new Error(`Invalid query: unexpected token at position ${t.pos} in '${this.source}'`);
    }
    return node;
  }

  private parseOr(): QueryNode {
    const first = this.tokens[this.i];
    if (first?.kind === 'or')
      throw new Error(`Invalid query: 'OR' at position ${first.pos} has no left operand`);
    const children = [this.parseAnd()];
    while (this.tokens[this.i]?.kind === 'or') {
      const orTok = this.tokens[this.i]!;
      this.i++;
      const next = this.tokens[this.i];
      if (!next || next.kind === 'rparen' || next.kind === 'or') {
        throw new Error(`Invalid query: 'OR' at position ${orTok.pos} has no right operand`);
      }
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (!t || t.kind === 'or' || t.kind === 'rparen') break;
      children.push(this.parseUnary());
    }
    if (children.length === 0) {
      const t = this.tokens[this.i];
      throw new Error(`Invalid query: expected a term at position ${t ? t.pos : this.source.length}`);
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseUnary(): QueryNode {
    const t = this.tokens[this.i]!;
    this.i++;
    let node: QueryNode;
    switch (t.kind) {
      case 'lparen': {
        if (this.tokens[this.i]?.kind === 'rparen') {
          throw new Error(`Invalid query: empty group '()' at position ${t.pos}`);
        }
        if (!this.tokens[this.i]) {
          throw new Error(`Unbalanced parentheses: '(' at position ${t.pos} is never closed`);
        }
        node = this.parseOr();
        const close = this.tokens[this.i];
        if (close?.kind !== 'rparen') {
          throw new Error(`Unbalanced parentheses: '(' at position ${t.pos} is never closed`);
        }
        this.i++;
        return t.negated ? { type: 'not', child: node } : node;
      }
      case 'phrase': {
        const ws = words(t.value);
        if (ws.length === 0) throw new Error(`Invalid query: empty phrase at position ${t.pos}`);
        node = { type: 'phrase', value: t.value.toLowerCase(), words: ws };
        return t.negated ? { type: 'not', child: node } : node;
      }
      case 'word': {
        node = atomFromWord(t.value, t.pos);
        return t.negated ? { type: 'not', child: node } : node;
      }
      default:
        throw new Error(`Invalid query: unexpected token at position ${t.pos}`);
    }
  }
}

export function parseQuery(q: string): QueryNode {
  return new Parser(tokenize(q), q).parse();
}
