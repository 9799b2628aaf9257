import type { LeadState } from '../domain/lead-state.ts';
import type { DecaySweep } from '../ports/definition-store.ts';
import {
  loadCompiledDefinition,
  type QualifyDeps,
  qualifyEach,
  type Transition,
} from './qualify-prospects.ts';

/** Open states whose score a person does not own: decay can still move them (mql -> nurture, say). */
export const DECAYED_STATES: readonly LeadState[] = ['mql', 'review', 'nurture'];

export interface DecayOptions {
  /** Leads looked at in this call at most. */
  maxLeads: number;
  pageSize?: number;
  /** How often a full sweep starts (from the previous sweep's start). */
  everyMs: number;
  /** A lead is written only when its state changes or its score moves by this many points. */
  minScoreChange: number;
  outOfTime?: () => boolean;
}

export interface DecayStep {
  checked: number;
  transitions: Transition[];
  failed: number;
  /** The sweep finished in this step (or none was due). */
  idle: boolean;
}

/**
 * Re-scores open leads whose evidence has aged, so a score decays (and an MQL whose signals went
 * cold drops to nurture) without new evidence. It sweeps the open states a page at a time, saving
 * its place after each page, within `maxLeads` and the time budget per call; a new sweep starts
 * `everyMs` after the last one started. A lead whose state and score barely move is not written
 * (and so not re-exported to the CRM). State changes go through the same transaction as any
 * score: event and follow-up included.
 */
export async function rescoreDecayed(deps: QualifyDeps, options: DecayOptions): Promise<DecayStep> {
  const now = deps.clock.now();
  let sweep: DecaySweep | undefined = await deps.definitions.getDecaySweep();
  const step: DecayStep = { checked: 0, transitions: [], failed: 0, idle: false };
  if (!sweep || (sweep.finishedAt && now.getTime() - Date.parse(sweep.startedAt) >= options.everyMs)) {
    sweep = { stateIndex: 0, startedAt: now.toISOString(), checked: 0 };
  }
  if (sweep.finishedAt) return { ...step, idle: true };
  if (!(await deps.definitions.currentDefinition())) return { ...step, idle: true };
  const compiled = await loadCompiledDefinition(deps);
  while (step.checked < options.maxLeads && !options.outOfTime?.()) {
    const state = DECAYED_STATES[sweep.stateIndex];
    if (!state) break;
    const limit = Math.min(options.pageSize ?? 100, options.maxLeads - step.checked);
    const page = await deps.leads.listByState(state, limit, sweep.cursor);
    const scored = await qualifyEach(
      deps,
      compiled,
      page.items.map((lead) => lead.key),
      { minScoreChange: options.minScoreChange },
    );
    step.transitions.push(...scored.transitions.filter((t) => t.from !== t.to));
    step.failed += scored.failed;
    step.checked += page.items.length;
    sweep = page.nextCursor
      ? { ...sweep, cursor: page.nextCursor, checked: sweep.checked + page.items.length }
      : {
          ...sweep,
          stateIndex: sweep.stateIndex + 1,
          cursor: undefined,
          checked: sweep.checked + page.items.length,
        };
    if (sweep.stateIndex >= DECAYED_STATES.length) {
      sweep = { ...sweep, finishedAt: deps.clock.now().toISOString() };
      step.idle = true;
    }
    await deps.definitions.saveDecaySweep(sweep);
    if (step.idle) break;
  }
  return step;
}
