import type { MqlDefinition, MqlDefinitionDraft } from '../domain/mql-definition.ts';

export interface PublishRequest {
  draft: MqlDefinitionDraft;
  author: string;
  note: string;
  /** The version the author edited; publishing fails if someone published since. */
  basedOn: number | undefined;
}

export interface DefinitionStore {
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
