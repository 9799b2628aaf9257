/** What an erasure removed, and what a check afterwards still found (both must come back zero). */
export interface ErasureReport {
  leadItemsDeleted: number;
  postsDeleted: number;
  remainingLeadItems: number;
  remainingPosts: number;
}

/**
 * Erasing a person on request: everything we hold about them goes, and a tombstone without
 * personal data keeps discovery from storing them again.
 */
/** Who carried out an erasure and the request it answers (a ticket reference, no personal data). */
export interface ErasureRequest {
  requestedBy: string;
  reason: string;
}

/** The audit record an erasure leaves: what was asked, by whom, when, and what the check found. */
export interface ErasureAudit extends ErasureRequest, ErasureReport {
  key: string;
  at: string;
}

export interface ErasureStore {
  /** Erases and records the audit item (with the report) once the check has run. */
  erase(key: string, request: ErasureRequest, now: Date): Promise<ErasureReport>;
  /** The audit trail, newest first. */
  listErasures(limit: number): Promise<ErasureAudit[]>;
  isErased(key: string): Promise<boolean>;
}
