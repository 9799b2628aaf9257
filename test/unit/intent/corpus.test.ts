import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabelledJsonl } from '../../../shared/adapters/intent/labelled-jsonl.ts';
import { readShippedCorpus } from '../../../shared/adapters/intent/training-data.ts';

const dir = join(import.meta.dirname, '..', '..', '..', 'data', 'intent-corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
/** The reader keeps unknown fields (`.loose()`) but does not type them: read category and kind here. */
const lines = files.flatMap((f) =>
  readLabelledJsonl(join(dir, f)).map((line) => {
    const extra = line as Record<string, unknown>;
    return { file: f, text: line.text, label: line.label, category: extra.category, kind: extra.kind };
  }),
);

/** Lowercase, punctuation and spacing removed: two posts equal under this are one post twice. */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('the shipped intent corpus', () => {
  it('loads through the trainer’s reader, every line labelled', () => {
    const corpus = readShippedCorpus(dir);
    expect(corpus.length).toBe(lines.length);
    expect(corpus.some((p) => p.label) && corpus.some((p) => !p.label)).toBe(true);
  });

  it('names a category and a kind on every line, so the policy cases can be counted', () => {
    const missing = lines.filter(
      (l) => typeof l.category !== 'string' || typeof l.kind !== 'string' || l.kind === '',
    );
    expect(missing.map((l) => `${l.file}: ${l.text}`)).toEqual([]);
  });

  it('holds no post twice, even differing only in case or punctuation', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const l of lines) {
      const key = normalise(l.text);
      const first = seen.get(key);
      if (first) repeats.push(`${l.file} repeats ${first}: ${l.text}`);
      else seen.set(key, l.file);
    }
    expect(repeats).toEqual([]);
  });

  it('covers each case of the intent product policy with the label the policy gives it', () => {
    const labelOf = new Map<string, Set<boolean>>();
    for (const l of lines)
      labelOf.set(String(l.kind), (labelOf.get(String(l.kind)) ?? new Set()).add(l.label));
    const policy: [string, boolean][] = [
      ['recurring_pain_wish', true],
      ['client_request', true],
      ['consumer_purchase', false],
      ['deferred_wish', false],
      ['decision_made', false],
      ['howto_question', false],
      ['job_post', false],
      ['spam_scam', false],
      ['listicle_bait', false],
      ['engagement_bait', false],
      ['happy_customer', false],
      ['vendor_promo', false],
      ['evaluation', true],
      ['switching', true],
      ['trial_request', true],
      ['budget_or_rfp', true],
    ];
    for (const [kind, label] of policy)
      expect([kind, [...(labelOf.get(kind) ?? [])]]).toEqual([kind, [label]]);
  });
});
