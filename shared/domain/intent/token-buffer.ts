/**
 * What the tokeniser produces: token kinds, flags and the reusable per-post buffer that the
 * featuriser reads. Kept apart from the scanner so that readers of tokens need not import it.
 */
export const WORD = 1;
export const NUM = 2;
export const URL = 3;
export const USER = 4;
export const HASHTAG = 5;
export const EMOJI = 6;
export const PUNCT = 7;

/** Token flag: the token sits inside a negation scope. */
export const NEGATED = 1;

export const URL_TOKEN = '<url>';
export const USER_TOKEN = '<user>';
export const NUM_TOKEN = '<num>';

/**
 * Per-post token arrays, grown on demand and reused between posts. Plain words and hashtags are not
 * copied out of the lower-cased post: they are `source[start..end)`, with their hash computed while
 * scanning, so the featuriser can look them up without building a string. Other tokens (and words
 * that needed rewriting: elongations, curly apostrophes) carry their normalised text in `text`.
 */
export class TokenBuffer {
  count = 0;
  /** The lower-cased post. */
  source = '';
  kind = new Uint8Array(256);
  flags = new Uint8Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** hashString(normalised token text), computed during the scan. */
  hash = new Int32Array(256);
  /** Normalised text where it differs from (or does not live in) `source[start..end)`; else ''. */
  text: string[] = [];

  push(kind: number, flags: number, start: number, end: number, hash: number, text: string): void {
    const i = this.count;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.flags[i] = flags;
    this.start[i] = start;
    this.end[i] = end;
    this.hash[i] = hash;
    this.text[i] = text;
    this.count = i + 1;
  }

  /** The normalised text of token `t` (allocates for plain words). */
  textOf(t: number): string {
    const own = this.text[t]!;
    return own !== '' ? own : this.source.slice(this.start[t]!, this.end[t]!);
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const k = new Uint8Array(size);
    k.set(this.kind);
    this.kind = k;
    const f = new Uint8Array(size);
    f.set(this.flags);
    this.flags = f;
    for (const key of ['start', 'end', 'hash'] as const) {
      const a = new Int32Array(size);
      a.set(this[key]);
      this[key] = a;
    }
  }
}
