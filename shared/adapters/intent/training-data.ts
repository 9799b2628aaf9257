import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentVersion } from '../../domain/model-registry.ts';
import type { LabelledPost } from '../../ports/model-trainer.ts';
import { readLabelledJsonl } from './labelled-jsonl.ts';
import { shippedTwoStageBody } from './shipped-two-stage.ts';

/** The shipped corpus (data/intent-corpus/*.jsonl), files in name order so training is repeatable. */
export function readShippedCorpus(dir: string): LabelledPost[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readLabelledJsonl(join(dir, f)))
    .map(({ text, label }) => ({ text, label }));
}

/**
 * The shipped two-stage model file as the registry stores it (the bytes `npm run train` writes:
 * JSON and a newline), and its registry version (the hash of those bytes).
 */
export function shippedModelEntry(): { version: string; body: string } {
  const body = shippedTwoStageBody();
  return { version: contentVersion(body), body };
}
