import type { MqlDefinition, MqlDefinitionDraft } from '../domain/mql-definition.ts';

export interface PublishRequest {
  draft: MqlDefinitionDraft;
  author: string;
  note: string;
  /** The version the author edited; publishing fails if someone published since. */
  basedOn: number | undefined;
}

/**
 * Re-scoring after a publish runs in bounded steps (a Lambda has minutes, a table may hold
 * millions of leads); the job remembers which state and page it reached.
 */
export interface RescoreJob {
  version: number;
  stateIndex: number;
  cursor?: string;
  rescored: number;
  startedAt: string;
}

/**
 * Scores decay with time and no new evidence; a sweep re-scores open leads for that, a bounded
 * step per cycle, and starts again once a period has passed since it started.
 */
export interface DecaySweep {
  stateIndex: number;
  cursor?: string;
  startedAt: string;
  /** Set when the sweep walked every open state; the next one starts a period after `startedAt`. */
  finishedAt?: string;
  checked: number;
}

export interface DefinitionStore {
  getDecaySweep(): Promise<DecaySweep | undefined>;
  saveDecaySweep(sweep: DecaySweep): Promise<void>;
  getRescoreJob(): Promise<RescoreJob | undefined>;
  /** Saves progress; `undefined` removes the job once it is done. */
  saveRescoreJob(job: RescoreJob | undefined): Promise<void>;
  currentDefinition(): Promise<MqlDefinition | undefined>;
  getDefinition(version: number): Promise<MqlDefinition | undefined>;
  listDefinitions(): Promise<MqlDefinition[]>;
  publishDefinition(request: PublishRequest, now: Date): Promise<MqlDefinition>;
}

export class ConcurrentPublishError extends Error {
  constructor(readonly basedOn: number | undefined) {
    super(`another definition was published since version ${basedOn ?? 'none'}; reload and try again`);
    this.name = 'ConcurrentPublishError';
  }
}
