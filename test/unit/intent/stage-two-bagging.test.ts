import { describe, expect, it } from 'vitest';
import { averageStageTwo, fastLogit, type StageTwo } from '../../../shared/domain/intent/two-stage-fit.ts';

const member = (over: Partial<StageTwo>): StageTwo => ({
  C: 1,
  weights: Float32Array.from([1, 0, 2]),
  bias: 0,
  threshold: 0.5,
  innerF1: 0.9,
  gated: 10,
  ...over,
});

describe('averaging stage-2 fits (bagging over fold shuffles)', () => {
  it('averages weights and bias, and the thresholds on the logit scale', () => {
    // Arrange
    const a = member({ weights: Float32Array.from([1, 0, 2]), bias: -1, threshold: 0.3, C: 0.1, gated: 8 });
    const b = member({ weights: Float32Array.from([3, 4, 0]), bias: 1, threshold: 0.7, C: 3, gated: 12 });
    const c = member({ weights: Float32Array.from([2, 2, 1]), bias: 3, threshold: 0.9, C: 1, gated: 9 });

    // Act
    const avg = averageStageTwo([a, b, c], 0.05);

    // Assert
    expect([...avg.weights]).toEqual([2, 2, 1]);
    expect(avg.bias).toBeCloseTo(1, 12);
    const logit = (fastLogit(0.3) + fastLogit(0.7) + fastLogit(0.9)) / 3;
    expect(avg.threshold).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
    expect(avg.threshold).not.toBeCloseTo((0.3 + 0.7 + 0.9) / 3, 3);
    expect(avg.C).toBe(1); // the median member's C, for the file's record
    expect(avg.gated).toBe(12);
  });

  it('never puts the threshold below the gate, and refuses an empty bag', () => {
    expect(averageStageTwo([member({ threshold: 0.01 }), member({ threshold: 0.02 })], 0.05).threshold).toBe(
      0.05,
    );
    expect(() => averageStageTwo([], 0.05)).toThrow(/nothing to average/);
  });
});
