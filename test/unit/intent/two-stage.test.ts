import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptModelFileError } from '../../../shared/adapters/intent/corrupt-model.ts';
import { readTwoStageFile } from '../../../shared/adapters/intent/two-stage-file.ts';
import { encodeFloats } from '../../../shared/domain/intent/model-file.ts';
import { loadTwoStageModel, trainTwoStageModel } from '../../../shared/domain/intent/two-stage.ts';
import { crossValidateTwoStage } from '../../../shared/domain/intent/two-stage-evaluate.ts';
import { fastLogit } from '../../../shared/domain/intent/two-stage-fit.ts';
import { fakeEncoder } from '../../support/fake-encoder.ts';

/** Buying posts name a need; others chat, or ask a personal question with the same words. */
function corpus(): { text: string; label: boolean }[] {
  const needs = [
    'crm',
    'payroll tool',
    'help desk',
    'e-signature vendor',
    'analytics stack',
    'billing system',
  ];
  const team = ['our sales team', 'the finance team', 'our support desk', 'my agency', 'our startup'];
  const chat = ['the weather', 'coffee', 'the match', 'my garden', 'this movie', 'the holiday'];
  const out: { text: string; label: boolean }[] = [];
  for (let i = 0; i < 36; i++) {
    const n = needs[i % needs.length]!;
    const t = team[i % team.length]!;
    out.push({ text: `looking for a new ${n} for ${t}, any recommendations?`, label: true });
    out.push({ text: `we are evaluating ${n} vendors for ${t}, who should we demo`, label: true });
    out.push({ text: `loving ${chat[i % chat.length]} today with ${t}`, label: false });
    out.push({ text: `just wrote a post about ${n} history, read it`, label: false });
  }
  return out;
}

describe('the two-stage intent model', () => {
  it('is deterministic for a seed and scores buying posts above chat', async () => {
    const a = await trainTwoStageModel(corpus(), fakeEncoder(), 7);
    const b = await trainTwoStageModel(corpus(), fakeEncoder(), 7);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.format).toBe('prospector-two-stage-model');
    expect(a.threshold).toBeGreaterThanOrEqual(a.options.gate);

    const model = loadTwoStageModel(JSON.parse(JSON.stringify(a)), fakeEncoder());
    const [buy, chat] = await model.predictAll([
      'looking for a new help desk for our startup, any recommendations?',
      'loving the weather today with my agency',
    ]);
    expect(buy!).toBeGreaterThan(model.threshold);
    expect(chat!).toBeLessThan(model.threshold);
  });

  it('encodes only posts at or above the gate; the others keep their fast probability', async () => {
    const file = await trainTwoStageModel(corpus(), fakeEncoder(), 7);
    const encoder = fakeEncoder();
    const model = loadTwoStageModel({ ...file, options: { ...file.options, gate: 0.5 } }, encoder);
    const texts = ['looking for a new crm for our sales team, any recommendations?', 'loving coffee today'];
    const fast = texts.map((t) => model.fast.predict(t));
    expect(fast[0]!).toBeGreaterThanOrEqual(0.5);
    expect(fast[1]!).toBeLessThan(0.5);

    const p = await model.predictAll(texts);

    expect(encoder.seen).toEqual([texts[0]]);
    expect(p[1]).toBe(fast[1]);
    expect(p[0]).not.toBe(fast[0]);
  });

  it('gives every odd post a probability in [0, 1]: empty, non-English, 10,000 characters', async () => {
    const model = loadTwoStageModel(await trainTwoStageModel(corpus(), fakeEncoder(), 7), fakeEncoder());
    const odd = [
      '',
      '   ',
      'Nous cherchons un nouveau logiciel de paie pour notre équipe',
      '我们需要新的CRM',
      'crm '.repeat(2_500),
    ];
    const p = await model.predictAll(odd);
    expect(p).toHaveLength(odd.length);
    for (const x of p) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(fastLogit(0)).toBe(-12);
    expect(fastLogit(1)).toBe(12);
  });

  it('cross-validates the whole learner, encoding each post once', async () => {
    const encoder = fakeEncoder();
    const r = await crossValidateTwoStage(corpus(), { encoder, folds: 3, seed: 1 });
    expect(r.n).toBe(corpus().length);
    expect(r.perFold).toHaveLength(3);
    expect(r.f1).toBeGreaterThan(0.8);
    expect(new Set(encoder.seen).size).toBe(encoder.seen.length);
  });
});

describe('loading a two-stage model file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'two-stage-'));
  const write = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };

  it('fails naming the file when it is missing, not JSON, another format or the wrong size', async () => {
    const good = await trainTwoStageModel(corpus(), fakeEncoder(), 7);
    const cases: [string, string][] = [
      ['corrupt.json', '{"format":"prospector-two-st'],
      ['other.json', JSON.stringify({ ...good, format: 'prospector-intent-model' })],
      [
        'short.json',
        JSON.stringify({ ...good, stage2: { ...good.stage2, weights: encodeFloats(new Float32Array(5)) } }),
      ],
      ['encoder.json', JSON.stringify({ ...good, encoder: { name: 'another', dimensions: 16 } })],
    ];
    const missing = join(dir, 'missing.json');
    await expect(readTwoStageFile(fakeEncoder(), missing)).rejects.toThrow(CorruptModelFileError);
    await expect(readTwoStageFile(fakeEncoder(), missing)).rejects.toThrow(missing);
    for (const [name, body] of cases) {
      const path = write(name, body);
      await expect(readTwoStageFile(fakeEncoder(), path)).rejects.toThrow(path);
    }
    const ok = await readTwoStageFile(fakeEncoder(), write('good.json', JSON.stringify(good)));
    expect(ok.version).toMatch(/^[0-9a-f]{16}$/);
  });
});
