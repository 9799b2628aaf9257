import type { LabelledPost, ModelTrainer, Predictor } from '../../shared/ports/model-trainer.ts';

/**
 * A tiny, fast, deterministic learner for registry tests: a post's probability is the share of
 * its words that were seen more often in buying posts than in others.
 */
export function fakeTrainer(): ModelTrainer & { trainings: number } {
  const fromWords = (words: string[]): Predictor => {
    const buying = new Set(words);
    return {
      threshold: 0.5,
      async predictAll(texts) {
        return texts.map((text) => {
          const w = text.toLowerCase().split(/\W+/).filter(Boolean);
          return w.length === 0 ? 0 : w.filter((x) => buying.has(x)).length / w.length >= 0.25 ? 1 : 0;
        });
      },
    };
  };
  const trainer = {
    name: 'fake word learner',
    trainings: 0,
    async train(examples: readonly LabelledPost[]) {
      trainer.trainings++;
      const score = new Map<string, number>();
      for (const e of examples)
        for (const w of new Set(e.text.toLowerCase().split(/\W+/).filter(Boolean)))
          score.set(w, (score.get(w) ?? 0) + (e.label ? 1 : -1));
      const words = [...score]
        .filter(([, s]) => s > 0)
        .map(([w]) => w)
        .sort();
      const body = `${JSON.stringify({ format: 'fake', words })}\n`;
      return { body, model: fromWords(words) };
    },
    load(body: string, file: string): Predictor {
      const parsed = JSON.parse(body) as { format?: string; words?: string[] };
      if (parsed.format !== 'fake' || !Array.isArray(parsed.words))
        throw new Error(`${file}: not a fake model`);
      return fromWords(parsed.words);
    },
  };
  return trainer;
}

/** A small corpus: buying posts name a need, the others chat. */
export function tinyCorpus(): LabelledPost[] {
  const buying = ['need', 'crm', 'evaluating', 'vendor', 'quote', 'switching', 'demo', 'pricing'];
  const chat = ['weather', 'coffee', 'weekend', 'football', 'music', 'garden', 'movie', 'holiday'];
  const out: LabelledPost[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ text: `we ${buying[i % 8]} a ${buying[(i + 3) % 8]} soon`, label: true });
    out.push({ text: `nice ${chat[i % 8]} and ${chat[(i + 5) % 8]} today`, label: false });
  }
  return out;
}
