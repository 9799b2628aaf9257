import { splitFold, stratifiedFolds } from '../domain/intent/folds.ts';
import { type BinaryMetrics, confusionOf, metricsOf } from '../domain/intent/metrics.ts';
import {
  type Comparison,
  type Figures,
  foldNoise,
  type ModelVersionMeta,
  promotionVerdict,
} from '../domain/model-registry.ts';
import type { Clock } from '../ports/clock.ts';
import { allLabels, type LabelStore } from '../ports/label-store.ts';
import type { ModelStore } from '../ports/model-store.ts';
import type { LabelledPost, ModelTrainer, Predictor } from '../ports/model-trainer.ts';
import { saveModelVersion, servingModel } from './model-registry.ts';

/** The corpus fold kept out of every registry candidate's training: the fixed yardstick. */
const HELD_OUT_FOLD = 0;
const CORPUS_FOLDS = 5;
const CORPUS_SEED = 42;

export interface TrainInput {
  /** The shipped training corpus (data/intent-corpus). */
  corpus: readonly LabelledPost[];
  /** The shipped model file and its version: what serves while nothing is promoted. */
  shipped: { version: string; body: string };
  by: string;
  seed?: number;
  /** Folds for the feedback cross-validation (fewer when a label is rarer than this). */
  folds?: number;
}

export interface TrainReport {
  meta: ModelVersionMeta;
  created: boolean;
  verdict: { promotable: boolean; reasons: string[] };
}

const figuresOf = (m: BinaryMetrics): Figures => ({
  f1: m.f1,
  precision: m.precision,
  recall: m.recall,
  n: m.n,
});
const decide = async (model: Predictor, posts: readonly LabelledPost[]) =>
  (await model.predictAll(posts.map((p) => p.text))).map((p) => p >= model.threshold);
const measure = async (model: Predictor, posts: readonly LabelledPost[]) =>
  metricsOf(
    confusionOf(
      await decide(model, posts),
      posts.map((p) => p.label),
    ),
  );
const pick = <T>(all: readonly T[], idx: readonly number[]) => idx.map((i) => all[i] as T);

/** The held-out posts split into stratified chunks: the spread of F1 differences across them is the noise. */
async function compareOn(
  posts: readonly LabelledPost[],
  candidate: Predictor,
  current: Predictor,
  seed: number,
): Promise<Comparison> {
  const folds = Math.max(2, Math.min(CORPUS_FOLDS, ...countLabels(posts)));
  const fold = stratifiedFolds(
    posts.map((p) => p.label),
    folds,
    seed,
  );
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < folds; k++) {
    const chunk = pick(posts, splitFold(fold, k).test);
    a.push((await measure(candidate, chunk)).f1);
    b.push((await measure(current, chunk)).f1);
  }
  return {
    candidate: figuresOf(await measure(candidate, posts)),
    current: figuresOf(await measure(current, posts)),
    noise: foldNoise(a, b),
    folds,
  };
}

const countLabels = (posts: readonly LabelledPost[]) => {
  const pos = posts.filter((p) => p.label).length;
  return [pos, posts.length - pos];
};

/**
 * Trains a candidate on the corpus (less its frozen held-out fifth) plus the labels people gave,
 * and measures it beside the serving model on the same posts: the held-out corpus, and the
 * feedback by K-fold CV (each fold's candidate never saw that fold's labels). The candidate is
 * stored as an immutable version with its figures; promoting it is a person's separate step.
 */
export async function trainCandidate(
  deps: { models: ModelStore; labels: LabelStore; trainer: ModelTrainer; clock: Clock },
  input: TrainInput,
): Promise<TrainReport> {
  const seed = input.seed ?? 42;
  const serving = await servingModel(deps.models, input.shipped);
  const current = deps.trainer.load(
    serving.body,
    serving.promoted ? `models/versions/${serving.version}/model.json` : 'data/intent/two-stage-model.json',
  );
  const feedback: LabelledPost[] = (await allLabels(deps.labels)).map((l) => ({
    text: l.text,
    label: l.label === 'buying',
  }));
  const split = splitFold(
    stratifiedFolds(
      input.corpus.map((p) => p.label),
      CORPUS_FOLDS,
      CORPUS_SEED,
    ),
    HELD_OUT_FOLD,
  );
  const corpusTrain = pick(input.corpus, split.train);
  const heldOut = pick(input.corpus, split.test);

  let feedbackComparison: Comparison | undefined;
  const k = Math.min(input.folds ?? 5, ...countLabels(feedback));
  if (k >= 2) {
    const fold = stratifiedFolds(
      feedback.map((p) => p.label),
      k,
      seed,
    );
    const predicted: boolean[] = [];
    const actual: boolean[] = [];
    const a: number[] = [];
    const b: number[] = [];
    for (let f = 0; f < k; f++) {
      const { train, test } = splitFold(fold, f);
      const testPosts = pick(feedback, test);
      const { model } = await deps.trainer.train([...corpusTrain, ...pick(feedback, train)], seed);
      predicted.push(...(await decide(model, testPosts)));
      actual.push(...testPosts.map((p) => p.label));
      a.push((await measure(model, testPosts)).f1);
      b.push((await measure(current, testPosts)).f1);
    }
    feedbackComparison = {
      candidate: figuresOf(metricsOf(confusionOf(predicted, actual))),
      current: figuresOf(await measure(current, feedback)),
      noise: foldNoise(a, b),
      folds: k,
    };
  }

  const candidate = await deps.trainer.train([...corpusTrain, ...feedback], seed);
  // The shipped model was trained on the whole corpus, held-out fifth included: against it the
  // yardstick would measure memory. Its recipe retrained on the same training part is the fair
  // reference; its own figure is kept beside it.
  const heldOutComparison = serving.promoted
    ? await compareOn(heldOut, candidate.model, current, seed)
    : {
        ...(await compareOn(
          heldOut,
          candidate.model,
          (
            await deps.trainer.train(corpusTrain, seed)
          ).model,
          seed,
        )),
        servingAsIs: figuresOf(await measure(current, heldOut)),
      };
  const { meta, created } = await saveModelVersion(deps.models, candidate.body, {
    createdAt: deps.clock.now().toISOString(),
    createdBy: input.by,
    basedOn: serving.version,
    trainer: deps.trainer.name,
    trainedOn: { corpus: corpusTrain.length, feedback: feedback.length },
    figures: {
      heldOut: heldOutComparison,
      ...(feedbackComparison ? { feedback: feedbackComparison } : {}),
    },
  });
  return { meta, created, verdict: promotionVerdict(meta) };
}
