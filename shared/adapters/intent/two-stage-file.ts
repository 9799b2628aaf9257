import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadTwoStageModel, type TwoStageModel } from '../../domain/intent/two-stage.ts';
import { contentVersion } from '../../domain/model-registry.ts';
import type { Encoder } from '../../ports/sentence-encoder.ts';
import { CorruptModelFileError } from './corrupt-model.ts';

/** The two-stage model `npm run train` writes (the registry's shipped version). */
export const TWO_STAGE_MODEL_FILE = fileURLToPath(
  new URL('../../../data/intent/two-stage-model.json', import.meta.url),
);

/** A loaded two-stage model and its version (the registry's content hash of the file's bytes). */
export interface VersionedTwoStage {
  version: string;
  model: TwoStageModel;
}

/**
 * Parses and checks a two-stage model file's text. Anything wrong (not JSON, another format, a
 * different encoder, weights of the wrong length) throws CorruptModelFileError naming `file`.
 */
export function parseTwoStage(body: string, file: string, encoder: Encoder): VersionedTwoStage {
  try {
    return { version: contentVersion(body), model: loadTwoStageModel(JSON.parse(body), encoder) };
  } catch (error) {
    throw new CorruptModelFileError(file, (error as Error).message);
  }
}

/** Reads a two-stage model file from disk; a missing file is a CorruptModelFileError naming it too. */
export async function readTwoStageFile(
  encoder: Encoder,
  file = TWO_STAGE_MODEL_FILE,
): Promise<VersionedTwoStage> {
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch (error) {
    throw new CorruptModelFileError(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  return parseTwoStage(body, file, encoder);
}
