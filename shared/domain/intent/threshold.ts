/**
 * The decision threshold that maximises F1 on scored examples. Called only with out-of-fold scores of
 * the *training* data (inner cross-validation), never with a test fold: see `train.ts`.
 * Returns the midpoint between the lowest accepted score and the next lower one.
 */
export function f1OptimalThreshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean>,
): { threshold: number; f1: number } {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i]) positives++;
  let tp = 0;
  let fp = 0;
  let bestF1 = -1;
  let best = 0.5;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (labels[i]) tp++;
    else fp++;
    const s = scores[i]!;
    const next = k + 1 < n ? scores[order[k + 1]!]! : s - 1e-6;
    if (next === s) continue; // only cut between distinct scores
    const f1 = (2 * tp) / (2 * tp + fp + (positives - tp));
    if (f1 > bestF1) {
      bestF1 = f1;
      best = (s + next) / 2;
    }
  }
  return { threshold: best, f1: Math.max(bestF1, 0) };
}
