import { cohortOf, funnelChange } from '../domain/funnel.ts';
import type { LeadEvent, LeadState } from '../domain/lead-state.ts';
import { stateAfterScoring } from '../domain/lead-state.ts';
import type { Source } from '../domain/post.ts';
import {
  type CompiledDefinition,
  compileDefinition,
  type IntentScorer,
  scoreProspect,
} from '../domain/scoring.ts';
import type { Signal } from '../domain/signal.ts';
import type { Clock } from '../ports/clock.ts';
import type { DefinitionStore } from '../ports/definition-store.ts';
import type { Lead, LeadStore } from '../ports/lead-store.ts';
import type { Log } from '../ports/log.ts';
import { mapBounded } from './map-bounded.ts';

export interface QualifyDeps {
  leads: LeadStore;
  definitions: DefinitionStore;
  clock: Clock;
  log: Log;
  /** The intent classifier; needed when the definition has intent.model rules. */
  intent?: IntentScorer;
}

export interface Transition {
  key: string;
  /** The lead revision the score produced. */
  revision: number;
  from: LeadState;
  to: LeadState;
  score: number;
  /** What drafting engagement needs, so it reads nothing again. */
  source: Source;
  name: string;
  latest?: { postId: string; campaignId?: string };
}

export class NoDefinitionError extends Error {
  constructor() {
    super('no MQL definition is published yet; publish one (prospector mql publish FILE) before qualifying');
    this.name = 'NoDefinitionError';
  }
}

export async function loadCompiledDefinition(
  deps: Pick<QualifyDeps, 'definitions' | 'intent'>,
): Promise<CompiledDefinition> {
  const definition = await deps.definitions.currentDefinition();
  if (!definition) throw new NoDefinitionError();
  return compileDefinition(definition, deps.intent);
}

/** What a score adds to the funnel: discovered at the first score, then each stage newly reached. */
function scoringFunnelChange(
  lead: Lead,
  signals: Signal[],
  to: LeadState,
  now: Date,
  definitionVersion: number,
) {
  if (lead.cohort !== undefined && to === lead.state) return undefined;
  const cohort = cohortOf({
    source: lead.profile.source,
    campaignIds: lead.campaignIds,
    firstSeenAt: lead.firstSeenAt,
    definitionVersion,
    signals,
  });
  return funnelChange(lead, to, now.toISOString(), cohort);
}

/** States whose arrival by scoring asks for follow-up work: a draft, and for an MQL a notice. */
const FOLLOWED_UP: ReadonlySet<LeadState> = new Set(['review', 'mql']);

export interface QualifyOptions {
  /**
   * Write nothing unless the state changes or the score moves by at least this many points: a
   * sweep that re-scores for decay alone must not mark every open lead changed (and exported).
   */
  minScoreChange?: number;
}

/**
 * Scores one prospect under the given definition and stores the result, retrying if new evidence
 * landed meanwhile. A state change is written together with its event, and a move into review or
 * MQL with its follow-up (the outbox item the cycle drafts and announces from), in one transaction.
 */
export async function qualifyProspect(
  deps: QualifyDeps,
  compiled: CompiledDefinition,
  key: string,
  options: QualifyOptions = {},
): Promise<Transition | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const lead = await deps.leads.getLead(key);
    if (!lead) return undefined;
    const now = deps.clock.now();
    const signals = await deps.leads.listSignals(key, now);
    const result = scoreProspect(compiled, lead.profile, signals, now, {
      engagement: lead.engagement,
      optedOut: lead.optedOut,
    });
    const to = stateAfterScoring(lead.state, result.state, { until: lead.holdUntil, now });
    const funnel = scoringFunnelChange(lead, signals, to, now, result.definitionVersion);
    const event: LeadEvent | undefined =
      to === lead.state
        ? undefined
        : {
            at: now.toISOString(),
            actor: { type: 'system', id: 'scoring' },
            from: lead.state,
            to,
            reason: result.disqualifiedBy
              ? `disqualified by ${result.disqualifiedBy}`
              : `score ${result.score} (mql at ${result.mqlThreshold})`,
            score: result.score,
            definitionVersion: result.definitionVersion,
            previousDefinitionVersion: lead.definitionVersion,
          };
    if (
      options.minScoreChange !== undefined &&
      to === lead.state &&
      Math.abs(result.score - lead.score) < options.minScoreChange
    )
      return undefined;
    const latest = signals.reduce<Signal | undefined>((a, b) => (!a || b.at > a.at ? b : a), undefined);
    const transition: Transition = {
      key,
      revision: lead.revision + 1,
      from: lead.state,
      to,
      score: result.score,
      source: lead.profile.source,
      name: lead.profile.name,
      latest: latest ? { postId: latest.postId, campaignId: latest.campaignIds[0] } : undefined,
    };
    const { key: _k, revision: _r, ...followUp } = transition;
    const saved = await deps.leads.saveScore(
      key,
      lead.revision,
      {
        score: result.score,
        breakdown: result.breakdown,
        definitionVersion: result.definitionVersion,
        fitGrade: result.fitGrade,
        state: to,
        event,
        funnel,
        followUp:
          to !== lead.state && FOLLOWED_UP.has(to) ? { ...followUp, at: now.toISOString() } : undefined,
      },
      now,
    );
    if (saved) return transition;
  }
  deps.log.warn('lead kept changing while scoring; left pending', { key });
  return undefined;
}

export interface QualifyRun {
  transitions: Transition[];
  /** Prospects that could not be scored (logged with the error's name); they stay as they were. */
  failed: number;
  /** The run stopped at its time budget; the rest is still pending. */
  outOfTime?: boolean;
}

/**
 * Scores each key with at most 8 in flight. A prospect that cannot be scored (a malformed stored
 * item, say) is logged and skipped, so one bad record never stops the others being scored.
 */
export async function qualifyEach(
  deps: QualifyDeps,
  compiled: CompiledDefinition,
  keys: readonly string[],
  options: QualifyOptions = {},
): Promise<QualifyRun> {
  let failed = 0;
  const results = await mapBounded(keys, 8, async (key) => {
    try {
      return await qualifyProspect(deps, compiled, key, options);
    } catch (error) {
      failed++;
      deps.log.error('could not score prospect; left as it was', {
        key,
        error: error instanceof Error ? error.name : typeof error,
        message: error instanceof Error ? error.message : undefined,
      });
      return undefined;
    }
  });
  return { transitions: results.filter((t): t is Transition => t !== undefined), failed };
}

/**
 * Scores every prospect with unscored evidence, walking the pending index once in bounded
 * batches. It walks with a cursor rather than re-reading the first page, so an index entry that
 * lags behind a score just written, or a prospect that failed, is passed over instead of ending
 * the run early. `outOfTime` is asked before each batch: what is left stays pending for the next
 * cycle.
 */
export async function qualifyPending(
  deps: QualifyDeps,
  options: { batchSize: number; maxBatches: number; outOfTime?: () => boolean },
): Promise<QualifyRun> {
  const compiled = await loadCompiledDefinition(deps);
  const run: QualifyRun = { transitions: [], failed: 0 };
  let cursor: string | undefined;
  for (let batch = 0; batch < options.maxBatches; batch++) {
    if (options.outOfTime?.()) {
      run.outOfTime = true;
      break;
    }
    const page = await deps.leads.listPending(options.batchSize, cursor);
    const scored = await qualifyEach(deps, compiled, page.items);
    run.transitions.push(...scored.transitions);
    run.failed += scored.failed;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return run;
}
