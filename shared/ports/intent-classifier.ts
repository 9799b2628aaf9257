/**
 * The intent model as ingest sees it: every new post is classified once, asynchronously and in
 * batches, because the second stage (a contextual sentence encoder) is slow and loaded lazily.
 * The probability is stored on the signal with `version`; rescoring and definition changes read
 * the stored value and never call a classifier again.
 */
export interface IntentClassifier {
  /** The model version each stored probability names (the registry's content hash). */
  readonly version: string;
  /** One probability in [0, 1] per text, in order. Any text, even empty or 10,000 characters. */
  classify(texts: readonly string[]): Promise<number[]>;
}
