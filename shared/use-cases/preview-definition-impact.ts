import { type LeadState, stateAfterScoring } from '../domain/lead-state.ts';
import {
  describeIssues,
  type MqlDefinition,
  type MqlDefinitionDraft,
  MqlDefinitionDraftSchema,
} from '../domain/mql-definition.ts';
import { compileDefinition, type IntentScorer, scoreProspect } from '../domain/scoring.ts';
import type { Clock } from '../ports/clock.ts';
import type { DefinitionStore } from '../ports/definition-store.ts';
import type { Lead, LeadStore } from '../ports/lead-store.ts';
import { mapBounded } from './map-bounded.ts';
import { InvalidDefinitionError } from './publish-definition.ts';
import { NoDefinitionError } from './qualify-prospects.ts';
import { RESCORED_STATES } from './rescore-leads.ts';

/** Reads only: leads, their signals and the current definition. There is no write port here. */
export interface ImpactDeps {
  leads: Pick<LeadStore, 'listByState' | 'listSignals'>;
  definitions: Pick<DefinitionStore, 'currentDefinition'>;
  clock: Clock;
  /** Needed when either definition has intent.model rules. */
  intent?: IntentScorer;
}

export interface ImpactOptions {
  /** Leads looked at, at most (the open states in publish order: mql, review, nurture, new). */
  maxLeads: number;
  /** Examples kept per move. */
  examplesPerMove: number;
  /** Stop looking at more leads after this long; the answer says it is partial. */
  timeBudgetMs: number;
}

export const DEFAULT_IMPACT_OPTIONS: ImpactOptions = {
  maxLeads: 2_000,
  examplesPerMove: 3,
  timeBudgetMs: 6_000,
};

export interface ImpactExample {
  key: string;
  name: string;
  handle: string;
  scoreBefore: number;
  scoreAfter: number;
}

export interface ImpactMove {
  from: LeadState;
  to: LeadState;
  count: number;
  examples: ImpactExample[];
}

export interface DefinitionImpact {
  /** The published version the draft is compared with. */
  comparedWith: number;
  checked: number;
  /** Leads whose state the draft leaves where it is. */
  unchanged: number;
  /** Leads that could not be scored (a malformed record); left out of the counts. */
  failed: number;
  /** More open leads exist than were looked at (lead limit or time budget). */
  partial: boolean;
  /** Open leads per state now and under the draft, among those looked at. */
  before: Partial<Record<LeadState, number>>;
  after: Partial<Record<LeadState, number>>;
  moves: ImpactMove[];
}

const PAGE = 100;

/**
 * Re-scores open leads in memory under a draft and under the current definition at the same
 * instant, and counts who would move between states. Comparing with the current definition
 * scored now (not with the stored state) shows what the draft changes, not what time has decayed.
 * Nothing is written: the deps offer no write, and each lead's stored score is left as it is.
 */
export async function previewDefinitionImpact(
  deps: ImpactDeps,
  document: unknown,
  options: ImpactOptions = DEFAULT_IMPACT_OPTIONS,
): Promise<DefinitionImpact> {
  const parsed = MqlDefinitionDraftSchema.safeParse(document);
  if (!parsed.success) throw new InvalidDefinitionError(describeIssues(parsed.error));
  const current = await deps.definitions.currentDefinition();
  if (!current) throw new NoDefinitionError();
  const now = deps.clock.now();
  const before = compileDefinition(current, deps.intent);
  const after = compileDefinition(asCandidate(parsed.data, current, now), deps.intent);
  const started = Date.now();
  const impact: DefinitionImpact = {
    comparedWith: current.version,
    checked: 0,
    unchanged: 0,
    failed: 0,
    partial: false,
    before: {},
    after: {},
    moves: [],
  };
  const moves = new Map<string, ImpactMove>();
  const judge = async (lead: Lead) => {
    const signals = await deps.leads.listSignals(lead.key, now);
    const context = { engagement: lead.engagement, optedOut: lead.optedOut };
    const hold = { until: lead.holdUntil, now };
    const was = scoreProspect(before, lead.profile, signals, now, context);
    const will = scoreProspect(after, lead.profile, signals, now, context);
    return {
      lead,
      from: stateAfterScoring(lead.state, was.state, hold),
      to: stateAfterScoring(lead.state, will.state, hold),
      scoreBefore: was.score,
      scoreAfter: will.score,
    };
  };
  let left = options.maxLeads;
  for (const state of RESCORED_STATES) {
    let cursor: string | undefined;
    do {
      if (left <= 0 || Date.now() - started > options.timeBudgetMs) {
        impact.partial = true;
        return finish(impact, moves);
      }
      const page = await deps.leads.listByState(state, Math.min(PAGE, left), cursor);
      cursor = page.nextCursor;
      left -= page.items.length;
      const judged = await mapBounded(page.items, 8, (lead) => judge(lead).catch(() => undefined));
      for (const j of judged) {
        if (!j) {
          impact.failed++;
          continue;
        }
        impact.checked++;
        impact.before[j.from] = (impact.before[j.from] ?? 0) + 1;
        impact.after[j.to] = (impact.after[j.to] ?? 0) + 1;
        if (j.from === j.to) {
          impact.unchanged++;
          continue;
        }
        const id = `${j.from}>${j.to}`;
        const move = moves.get(id) ?? { from: j.from, to: j.to, count: 0, examples: [] };
        moves.set(id, move);
        move.count++;
        if (move.examples.length < options.examplesPerMove) {
          move.examples.push({
            key: j.lead.key,
            name: j.lead.profile.name,
            handle: j.lead.profile.handle,
            scoreBefore: j.scoreBefore,
            scoreAfter: j.scoreAfter,
          });
        }
      }
    } while (cursor);
  }
  return finish(impact, moves);
}

function finish(impact: DefinitionImpact, moves: Map<string, ImpactMove>): DefinitionImpact {
  impact.moves = [...moves.values()].sort((a, b) => b.count - a.count);
  return impact;
}

/** The draft as the version it would become, so the same scoring code runs on it. */
function asCandidate(draft: MqlDefinitionDraft, current: MqlDefinition, now: Date): MqlDefinition {
  return {
    ...draft,
    version: current.version + 1,
    author: 'impact preview',
    note: '',
    publishedAt: now.toISOString(),
  };
}
