import type { ModelFeature } from '../../domain/model-cues.ts';

/** Explains a post: the fast model's features that moved its probability most, strongest first. */
export type ExplainIntent = (text: string) => ModelFeature[];

/**
 * The shipped fast model's explanations, loaded on the first card that earned model points and
 * kept: cards name the words the model leaned on, and a queue of phrase-only leads never pays
 * for parsing the model.
 */
export function lazyExplainer(k = 12): () => Promise<ExplainIntent> {
  let loading: Promise<ExplainIntent> | undefined;
  return () => {
    loading ??= import('./shipped-model.ts').then(({ loadShippedModel }) => {
      const { model } = loadShippedModel();
      return (text: string) => model.explain(text, k).features;
    });
    return loading;
  };
}
