import { describeIssues, MqlDefinitionDraftSchema } from '../domain/mql-definition.ts';
import type { Clock } from '../ports/clock.ts';
import type { DefinitionStore } from '../ports/definition-store.ts';
import type { DefinitionDraft, DraftStore } from '../ports/draft-store.ts';
import { InvalidDefinitionError } from './publish-definition.ts';

export interface DraftDeps {
  drafts: DraftStore;
  definitions: Pick<DefinitionStore, 'getDefinition'>;
  clock: Clock;
}

export interface SaveDraftInput {
  author: string;
  document: unknown;
  basedOn: number;
  note: string;
}

/** The draft names a version that was never published: it could never be published on top of it. */
export class UnknownBaseVersionError extends Error {
  constructor(readonly basedOn: number) {
    super(`basedOn: no published MQL definition version ${basedOn} to start a draft from`);
    this.name = 'UnknownBaseVersionError';
  }
}

/**
 * Saves an editor's draft, replacing their previous one. It is checked exactly as a publish would
 * check it, so a draft that saves is a draft that can be previewed and published; nothing else is
 * written, and no lead is scored with it.
 */
export async function saveDefinitionDraft(deps: DraftDeps, input: SaveDraftInput): Promise<DefinitionDraft> {
  const document = MqlDefinitionDraftSchema.safeParse(input.document);
  if (!document.success) throw new InvalidDefinitionError(describeIssues(document.error));
  if (!(await deps.definitions.getDefinition(input.basedOn)))
    throw new UnknownBaseVersionError(input.basedOn);
  const draft: DefinitionDraft = {
    author: input.author,
    basedOn: input.basedOn,
    note: input.note,
    document: document.data,
    savedAt: deps.clock.now().toISOString(),
  };
  await deps.drafts.saveDraft(draft);
  return draft;
}
