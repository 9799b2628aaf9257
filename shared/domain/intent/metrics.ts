/** Confusion counts for the positive ("has purchase intent") class. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** The figures we report: F1 of the positive class is the headline, as in the published baselines. */
export interface BinaryMetrics {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  n: number;
  confusion: Confusion;
}

export function confusionOf(predicted: readonly boolean[], actual: readonly boolean[]): Confusion {
  if (predicted.length !== actual.length) throw new Error('predicted and actual differ in length');
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < predicted.length; i++) {
    if (predicted[i]) actual[i] ? c.tp++ : c.fp++;
    else actual[i] ? c.fn++ : c.tn++;
  }
  return c;
}

export function metricsOf(c: Confusion): BinaryMetrics {
  const n = c.tp + c.fp + c.tn + c.fn;
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: n === 0 ? 0 : (c.tp + c.tn) / n, n, confusion: c };
}

/** Sums confusions, for pooled ("micro") figures over CV folds. */
export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, tn: a.tn + b.tn, fn: a.fn + b.fn };
}
