import { diffDefinitions } from '../domain/definition-diff.ts';
import { describeIssues, type MqlDefinition, MqlDefinitionDraftSchema } from '../domain/mql-definition.ts';
import type { QualifyDeps } from './qualify-prospects.ts';
import { startRescore } from './rescore-leads.ts';

export class InvalidDefinitionError extends Error {
  constructor(readonly problems: string) {
    super(`the MQL definition is invalid: ${problems}`);
    this.name = 'InvalidDefinitionError';
  }
}

export interface PublishInput {
  document: unknown;
  author: string;
  note: string;
  /** The version the author edited; defaults to the current one (the CLI's convenience). */
  basedOn?: number;
}

/**
 * Publishes a new MQL definition version without a deploy: validated field by field, stored
 * next to its predecessors with author and note, and queued for re-scoring every open lead.
 */
export async function publishDefinition(
  deps: QualifyDeps,
  input: PublishInput,
): Promise<{ definition: MqlDefinition; diff: string[] }> {
  const draft = MqlDefinitionDraftSchema.safeParse(input.document);
  if (!draft.success) throw new InvalidDefinitionError(describeIssues(draft.error));
  const current = await deps.definitions.currentDefinition();
  const definition = await deps.definitions.publishDefinition(
    { draft: draft.data, author: input.author, note: input.note, basedOn: input.basedOn ?? current?.version },
    deps.clock.now(),
  );
  await startRescore(deps);
  return { definition, diff: current ? diffDefinitions(current, definition) : [] };
}
