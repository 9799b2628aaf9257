import * as z from 'zod';
import { TRAIN_EVENT_SOURCE } from '../../shared/adapters/lambda/lambda-training-launcher.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { LabelStore } from '../../shared/ports/label-store.ts';
import type { Log } from '../../shared/ports/log.ts';
import type { ModelStore } from '../../shared/ports/model-store.ts';
import type { LabelledPost, ModelTrainer } from '../../shared/ports/model-trainer.ts';
import { registerShippedModel } from '../../shared/use-cases/model-registry.ts';
import { trainCandidate } from '../../shared/use-cases/train-model.ts';

/** The review API's asynchronous invocation; anything else is refused before any work. */
export const TrainEventSchema = z.strictObject({
  source: z.literal(TRAIN_EVENT_SOURCE),
  requestedBy: z.string().min(1).max(200),
  withFeedback: z.boolean(),
});

export interface TrainerDeps {
  models: ModelStore;
  labels: LabelStore;
  noLabels: LabelStore;
  trainer: ModelTrainer;
  clock: Clock;
  log: Log;
  /** Read lazily: the corpus and the shipped model are needed only once an event is accepted. */
  corpus: () => LabelledPost[];
  shipped: () => { version: string; body: string };
}

/** Trains one candidate into the registry and logs its figures (no post text); promotion is a person's step. */
export function createTrainerHandler(deps: TrainerDeps) {
  return async (event: unknown) => {
    const request = TrainEventSchema.parse(event);
    const shipped = deps.shipped();
    await registerShippedModel(deps, shipped.body);
    const report = await trainCandidate(
      { ...deps, labels: request.withFeedback ? deps.labels : deps.noLabels },
      { corpus: deps.corpus(), shipped, by: request.requestedBy },
    );
    deps.log.info('candidate trained', {
      version: report.meta.version,
      created: report.created,
      promotable: report.verdict.promotable,
      reasons: report.verdict.reasons,
      figures: report.meta.figures,
      trainedOn: report.meta.trainedOn,
    });
    return { version: report.meta.version, created: report.created, ...report.verdict };
  };
}
