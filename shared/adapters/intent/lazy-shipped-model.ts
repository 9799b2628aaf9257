import type { IntentScorer } from '../../domain/rule-evaluators.ts';

/**
 * The shipped model, loaded on first use and kept: the review API needs it only for an impact
 * preview, so its cold start (and every queue request) does not pay for parsing the model.
 */
export function lazyShippedScorer(): () => Promise<IntentScorer> {
  let loading: Promise<IntentScorer> | undefined;
  return () => {
    loading ??= import('./shipped-model.ts').then((m) => m.loadShippedModel().scorer);
    return loading;
  };
}
