import twoStageFile from '../../../data/intent/two-stage-model.json' with { type: 'json' };
import type { TwoStageModelFile } from '../../domain/intent/two-stage.ts';

/**
 * The two-stage model trained by `npm run train`, versioned in the repository. Imported (not read
 * from disk by path) so a bundled function carries it; its bytes are `JSON.stringify` plus a
 * newline, exactly as the training script writes them, so the registry version matches the file.
 */
export const SHIPPED_TWO_STAGE_FILE = twoStageFile as unknown as TwoStageModelFile;
export const SHIPPED_TWO_STAGE_PATH = 'data/intent/two-stage-model.json';
export const shippedTwoStageBody = (): string => `${JSON.stringify(SHIPPED_TWO_STAGE_FILE)}\n`;
