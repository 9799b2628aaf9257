import type { IntentClassifier } from '../ports/intent-classifier.ts';
import type { IntentRescoreJob, SignalIntentStore } from '../ports/signal-intent-store.ts';
import { classifyInBatches } from './classify-texts.ts';
import { mapBounded } from './map-bounded.ts';
import {
  loadCompiledDefinition,
  NoDefinitionError,
  type QualifyDeps,
  qualifyEach,
  type Transition,
} from './qualify-prospects.ts';

export interface IntentRescoreDeps extends QualifyDeps {
  signals: SignalIntentStore;
  /** The serving classifier: its version is what every stored probability should name. */
  classifier: IntentClassifier;
}

export interface IntentRescoreOptions {
  /** Stored items walked in this step at most (the walk reads, filters, then classifies). */
  maxItems: number;
  pageSize?: number;
  /** Asked before each page: the cycle's phase budget, or never for the CLI. */
  outOfTime?: () => boolean;
}

export interface IntentRescoreStep {
  model: string;
  /** Signals found needing the serving version in this step. */
  found: number;
  /** Of those, stored with the new probability (the rest changed meanwhile and were left alone). */
  reclassified: number;
  /** Leads re-scored after their probabilities changed, and those that could not be (logged). */
  rescored: number;
  failed: number;
  transitions: Transition[];
  /** The walk reached the end: every live signal names the serving version. */
  done: boolean;
  /** Totals over the whole walk so far, across steps. */
  job: IntentRescoreJob;
}

/**
 * Re-classifies the stored posts of a newly served model version, one bounded step at a time. The
 * job (model, cursor, counts) is saved after each page, so an interrupted step resumes where it
 * stopped, and a page done twice writes nothing twice: the walk passes over signals that already
 * name the version, and each write is conditional on the probability it replaces. Each changed
 * lead is marked pending in the same write and re-scored here under the definition in force (or
 * by the next qualify pass if this step stops first). Returns undefined when there is nothing to
 * do: the last finished walk was for the serving version.
 */
export async function rescoreIntentStep(
  deps: IntentRescoreDeps,
  options: IntentRescoreOptions,
): Promise<IntentRescoreStep | undefined> {
  const model = deps.classifier.version;
  const saved = await deps.signals.getIntentRescoreJob();
  if (saved?.model === model && saved.finishedAt) return undefined;
  // No walk yet, or one for an older version: start over (signals already done are passed over).
  let job: IntentRescoreJob =
    saved?.model === model
      ? saved
      : { model, scanned: 0, reclassified: 0, startedAt: deps.clock.now().toISOString() };
  const step: Omit<IntentRescoreStep, 'job' | 'done'> = {
    model,
    found: 0,
    reclassified: 0,
    rescored: 0,
    failed: 0,
    transitions: [],
  };
  const compiled = await loadCompiledDefinition(deps).catch((error: unknown) => {
    // Without a definition there is nothing to score; the leads stay pending for the first one.
    if (error instanceof NoDefinitionError) return undefined;
    throw error;
  });
  const pageSize = options.pageSize ?? 100;
  let budget = options.maxItems;
  let done = false;
  while (budget > 0 && !options.outOfTime?.()) {
    const limit = Math.min(pageSize, budget);
    const now = deps.clock.now();
    const page = await deps.signals.listSignalsNotClassifiedBy(model, limit, now, job.cursor);
    budget -= limit;
    const ps = await classifyInBatches(
      deps.classifier,
      page.items.map((s) => s.text),
    );
    const written = await mapBounded(
      page.items.map((s, i) => ({ s, p: ps[i] ?? 0 })),
      8,
      ({ s, p }) => deps.signals.setSignalIntent(s.key, s.postId, { p, model }, s.intent, now),
    );
    const changed = [...new Set(page.items.filter((_, i) => written[i]).map((s) => s.key))];
    const reclassified = written.filter(Boolean).length;
    step.found += page.items.length;
    step.reclassified += reclassified;
    if (compiled && changed.length > 0) {
      const scored = await qualifyEach(deps, compiled, changed);
      step.rescored += changed.length - scored.failed;
      step.failed += scored.failed;
      for (const t of scored.transitions) if (t.from !== t.to) step.transitions.push(t);
    }
    job = {
      ...job,
      cursor: page.nextCursor,
      scanned: job.scanned + page.items.length,
      reclassified: job.reclassified + reclassified,
    };
    if (!page.nextCursor) {
      job = { ...job, finishedAt: deps.clock.now().toISOString() };
      done = true;
    }
    await deps.signals.saveIntentRescoreJob(job);
    if (done) break;
  }
  deps.log.info('intent re-classification step', {
    model,
    found: step.found,
    reclassified: step.reclassified,
    rescored: step.rescored,
    done,
  });
  return { ...step, done, job };
}
