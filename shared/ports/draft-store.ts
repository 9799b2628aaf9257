import type { MqlDefinitionDraft } from '../domain/mql-definition.ts';

/** An editor's unpublished MQL definition: one per author, kept for a while, never scored with. */
export interface DefinitionDraft {
  author: string;
  /** The published version the editor started from: publishing it later names this as its base. */
  basedOn: number;
  note: string;
  document: MqlDefinitionDraft;
  savedAt: string;
}

/**
 * Drafts are per author (saving replaces that author's draft), so their number is bounded by the
 * number of editors, and each expires after a while unused.
 */
export interface DraftStore {
  getDraft(author: string): Promise<DefinitionDraft | undefined>;
  saveDraft(draft: DefinitionDraft): Promise<void>;
  deleteDraft(author: string): Promise<void>;
}
