import { describe, expect, it } from 'vitest';
import { startPhase } from '../../shared/use-cases/cycle-budget.ts';

describe('a phase of the cycle', () => {
  it('may use its share of the time left above the reserve when it starts, and no more', () => {
    let left = 110_000;
    const budget = { remainingMs: () => left, reserveMs: 10_000 };

    const phase = startPhase(budget, 0.4);
    const atStart = phase.remainingMs();
    left = 80_000;
    const before = phase.outOfTime();
    left = 70_000;
    const atShare = phase.outOfTime();

    expect(atStart).toBe(40_000);
    expect(before).toBe(false);
    expect(atShare).toBe(true);
  });

  it('has nothing when the invocation is already inside its reserve', () => {
    const phase = startPhase({ remainingMs: () => 5_000, reserveMs: 10_000 }, 1);

    expect(phase.remainingMs()).toBe(0);
    expect(phase.outOfTime()).toBe(true);
  });
});
