import { seededRng, shuffleInPlace } from './prng.ts';

/** Rows in compressed sparse row form: row i is `indices/values[rowStart[i]..rowStart[i+1])`. */
export interface SparseRows {
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  columns: number;
}

/**
 * L2-regularised logistic regression by dual coordinate descent (Yu, Huang & Lin 2011; liblinear's
 * `-s 7`). Each step solves a one-variable problem with a few Newton steps, so it converges in tens
 * of passes over a few thousand sparse posts, with no learning rate to tune. The bias is a constant
 * feature of value 1 (regularised, as liblinear's `-B 1`). Deterministic for a given seed.
 *
 * Minimises  0.5 |w|^2 + sum_i C_i log(1 + exp(-y_i w.x_i)).
 */
export function trainLogisticDual(
  rows: SparseRows,
  labels: ArrayLike<boolean>,
  cost: { positive: number; negative: number },
  seed: number,
  tolerance = 0.01,
  maxIterations = 1000,
): { weights: Float64Array; bias: number; iterations: number } {
  const l = labels.length;
  const w = new Float64Array(rows.columns);
  let bias = 0;
  const alpha = new Float64Array(2 * l);
  const xTx = new Float64Array(l);
  const y = new Int8Array(l);
  const upper = new Float64Array(l);
  const { rowStart, indices, values } = rows;
  const innerMax = 100;
  let innerEps = 1e-2;
  const innerEpsMin = Math.min(1e-8, tolerance);

  for (let i = 0; i < l; i++) {
    y[i] = labels[i] ? 1 : -1;
    const C = labels[i] ? cost.positive : cost.negative;
    upper[i] = C;
    alpha[2 * i] = Math.min(0.001 * C, 1e-8);
    alpha[2 * i + 1] = C - alpha[2 * i]!;
    let sq = 1; // bias feature
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const v = values[k]!;
      sq += v * v;
      w[indices[k]!]! += y[i]! * alpha[2 * i]! * v;
    }
    bias += y[i]! * alpha[2 * i]!;
    xTx[i] = sq;
  }

  const order = Int32Array.from({ length: l }, (_, i) => i);
  const rng = seededRng(seed);
  let iter = 0;
  for (; iter < maxIterations; iter++) {
    shuffleInPlace(order, rng);
    let newtonIter = 0;
    let gMax = 0;
    for (let s = 0; s < l; s++) {
      const i = order[s]!;
      const yi = y[i]!;
      const C = upper[i]!;
      let wx = bias;
      const a0 = rowStart[i]!;
      const a1 = rowStart[i + 1]!;
      for (let k = a0; k < a1; k++) wx += w[indices[k]!]! * values[k]!;
      const a = xTx[i]!;
      const b = yi * wx;
      let ind1 = 2 * i;
      let ind2 = 2 * i + 1;
      let sign = 1;
      if (0.5 * a * (alpha[ind2]! - alpha[ind1]!) + b < 0) {
        ind1 = 2 * i + 1;
        ind2 = 2 * i;
        sign = -1;
      }
      const alphaOld = alpha[ind1]!;
      let z = alphaOld;
      if (C - z < 0.5 * C) z = 0.1 * z;
      let gp = a * (z - alphaOld) + sign * b + Math.log(z / (C - z));
      gMax = Math.max(gMax, Math.abs(gp));
      let inner = 0;
      while (inner <= innerMax) {
        if (Math.abs(gp) < innerEps) break;
        const gpp = a + C / (C - z) / z;
        const tmpz = z - gp / gpp;
        z = tmpz <= 0 ? z * 0.1 : tmpz;
        gp = a * (z - alphaOld) + sign * b + Math.log(z / (C - z));
        newtonIter++;
        inner++;
      }
      if (inner > 0) {
        alpha[ind1] = z;
        alpha[ind2] = C - z;
        const step = sign * (z - alphaOld) * yi;
        for (let k = a0; k < a1; k++) w[indices[k]!]! += step * values[k]!;
        bias += step;
      }
    }
    if (gMax < tolerance) break;
    if (newtonIter <= l / 10) innerEps = Math.max(innerEpsMin, 0.1 * innerEps);
  }
  return { weights: w, bias, iterations: iter };
}
