import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as stopwords } from 'natural/lib/natural/util/stopwords.js';

/** A feature of the intent model's fast stage and how much it pushed a post's log-odds. */
export interface ModelFeature {
  feature: string;
  weight: number;
}

const STOP = new Set<string>(stopwords);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const MAX_CUES = 6;

const stemOf = (w: string) => PorterStemmer.stem(w.toLowerCase());

/** `w:look_for` → ['look', 'for']; `v:hand` → ['hand']; character n-grams and `^` name no word. */
function featureWords(name: string): string[] | undefined {
  const m = /^([wv]):(.+)$/.exec(name);
  if (!m) return undefined;
  const units = m[2]!
    .replace(/^#/, '')
    .split('_')
    .filter((u) => u !== 'not' && u !== '^' && u.length > 0);
  return units.length ? units : undefined;
}

/**
 * The words of a post the intent model leaned on, as they are written in it: the positive word
 * and word-pair features of the fast stage mapped back onto the post's own words (by stem, since
 * the model sees stems). A reviewer sees *why* the model scored, not `w:altern +0.30`. Stopwords
 * alone ("for", "we") are left out: marking them explains nothing. Pure: the caller supplies the
 * features (from the model's `explain`).
 */
export function modelCues(text: string, features: readonly ModelFeature[]): string[] {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ surface: m[0], stem: stemOf(m[0]) }));
  const cues: string[] = [];
  const wordsOf = (cue: string) => new Set(cue.toLowerCase().match(WORD) ?? []);
  // Overlapping cues ("tool", "a tool", "tool that") collapse to the longest one seen first.
  const add = (cue: string) => {
    const mine = wordsOf(cue);
    const i = cues.findIndex((c) => [...wordsOf(c)].some((w) => mine.has(w)));
    if (i < 0) cues.push(cue);
    else if (cue.length > cues[i]!.length) cues[i] = cue;
  };
  for (const f of features) {
    if (f.weight <= 0 || cues.length >= MAX_CUES) continue;
    const units = featureWords(f.feature);
    if (!units) continue;
    const isVector = f.feature.startsWith('v:');
    const matches = (t: { surface: string; stem: string }, u: string) =>
      isVector ? t.surface.toLowerCase() === u : t.stem === u || t.surface.toLowerCase() === u;
    if (units.length === 1) {
      const u = units[0]!;
      if (STOP.has(u)) continue;
      const hit = tokens.find((t) => matches(t, u));
      if (hit) add(hit.surface);
      continue;
    }
    if (units.every((u) => STOP.has(u))) continue;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (matches(tokens[i]!, units[0]!) && matches(tokens[i + 1]!, units[1]!)) {
        const start = text.indexOf(tokens[i]!.surface);
        const end = text.indexOf(tokens[i + 1]!.surface, start + tokens[i]!.surface.length);
        if (start >= 0 && end >= 0) add(text.slice(start, end + tokens[i + 1]!.surface.length));
        break;
      }
    }
  }
  return cues;
}
