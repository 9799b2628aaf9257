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
import type { LeadStore } from '../ports/lead-store.ts';
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

/**
 * Scores one prospect under the given definition and stores the result, retrying if new evidence
 * landed meanwhile. A state change is written together with its event.
 */
export async function qualifyProspect(
  deps: QualifyDeps,
  compiled: CompiledDefinition,
  key: string,
): Promise<Transition | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const lead = await deps.leads.getLead(key);
    if (!lead) return undefined;
    const signals = await deps.leads.listSignals(key);
    const now = deps.clock.now();
    const result = scoreProspect(compiled, lead.profile, signals, now, {
      engagement: lead.engagement,
      optedOut: lead.optedOut,
    });
    const to = stateAfterScoring(lead.state, result.state);
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
    const saved = await deps.leads.saveScore(
      key,
      lead.revision,
      {
        score: result.score,
        breakdown: result.breakdown,
        definitionVersion: result.definitionVersion,
        state: to,
        event,
      },
      now,
    );
    if (saved) {
      const latest = signals.reduce<Signal | undefined>((a, b) => (!a || b.at > a.at ? b : a), undefined);
      return {
        key,
        from: lead.state,
        to,
        score: result.score,
        source: lead.profile.source,
        name: lead.profile.name,
        latest: latest ? { postId: latest.postId, campaignId: latest.campaignIds[0] } : undefined,
      };
    }
  }
  deps.log.warn('lead kept changing while scoring; left pending', { key });
  return undefined;
}

/** Scores every prospect with unscored evidence, in bounded batches, until none is left. */
export async function qualifyPending(
  deps: QualifyDeps,
  options: { batchSize: number; maxBatches: number },
): Promise<Transition[]> {
  const compiled = await loadCompiledDefinition(deps);
  const done = new Set<string>();
  const transitions: Transition[] = [];
  for (let batch = 0; batch < options.maxBatches; batch++) {
    // The pending index is eventually consistent: skip keys scored moments ago.
    const keys = (await deps.leads.listPending(options.batchSize)).filter((k) => !done.has(k));
    if (keys.length === 0) break;
    const results = await mapBounded(keys, 8, (key) => qualifyProspect(deps, compiled, key));
    for (const [i, key] of keys.entries()) {
      done.add(key);
      const t = results[i];
      if (t) transitions.push(t);
    }
  }
  return transitions;
}
