import { describe, expect, it } from 'vitest';
import {
  assertPersonTransition,
  InvalidTransitionError,
  stateAfterScoring,
} from '../../shared/domain/lead-state.ts';

const marketer = { type: 'marketer' as const, id: 'ana' };
const sales = { type: 'sales' as const, id: 'bo' };

describe('lead lifecycle', () => {
  it('lets scoring move leads only while no person owns them', () => {
    expect(stateAfterScoring('new', 'mql')).toBe('mql');
    expect(stateAfterScoring('review', 'nurture')).toBe('nurture');
    expect(stateAfterScoring('mql', 'review')).toBe('review');
    expect(stateAfterScoring('accepted', 'nurture')).toBe('accepted');
    expect(stateAfterScoring('disqualified', 'mql')).toBe('disqualified');
    expect(stateAfterScoring('won', 'nurture')).toBe('won');
  });

  it('accepts a marketer deciding a review prospect with a reason', () => {
    expect(() => assertPersonTransition(marketer, 'review', 'mql', 'asked for pricing')).not.toThrow();
    expect(() => assertPersonTransition(marketer, 'review', 'disqualified', 'student project')).not.toThrow();
  });

  it('requires a reason for every decision', () => {
    expect(() => assertPersonTransition(sales, 'mql', 'rejected', '  ')).toThrow(/reason/);
  });

  it('refuses moves the lifecycle does not allow, naming what is allowed', () => {
    expect(() => assertPersonTransition(marketer, 'mql', 'won', 'closed')).toThrow(InvalidTransitionError);
    expect(() => assertPersonTransition(sales, 'review', 'accepted', 'looks good')).toThrow(
      /may move review to nothing/,
    );
    expect(() => assertPersonTransition(sales, 'accepted', 'won', 'signed')).not.toThrow();
  });
});
