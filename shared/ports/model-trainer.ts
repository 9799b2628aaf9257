/** A labelled post: training and measuring data for the intent model. */
export interface LabelledPost {
  text: string;
  label: boolean;
}

/**
 * A model as the guard measures it: a probability per post and the threshold it decides at.
 * Batched and asynchronous, because the two-stage model runs a sentence encoder.
 */
export interface Predictor {
  readonly threshold: number;
  predictAll(texts: readonly string[]): Promise<number[]>;
}

/**
 * The one way the registry trains and loads intent models. Whatever learner ships (today the
 * two-stage model of `shared/domain/intent/two-stage.ts`; before it the hashed linear model) plugs in here,
 * and the registry, the guard and the CLI do not change.
 */
export interface ModelTrainer {
  /** Names the learner in each version's record. */
  readonly name: string;
  /** Trains on these posts; the body is the model file exactly as it will be stored. */
  train(examples: readonly LabelledPost[], seed: number): Promise<{ body: string; model: Predictor }>;
  /** Loads a stored model file; a corrupt file throws an error naming `file`. */
  load(body: string, file: string): Predictor;
}
