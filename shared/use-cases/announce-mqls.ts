import { mqlNotice } from '../domain/mql-notice.ts';
import type { Lead, LeadStore } from '../ports/lead-store.ts';
import type { Log } from '../ports/log.ts';
import type { Notifier } from '../ports/notifier.ts';

export interface AnnounceDeps {
  leads: LeadStore;
  /** Absent when no webhook is configured: nothing is sent. */
  notifier?: Notifier;
  log: Log;
}

/**
 * Tells sales about leads that just became MQLs, in one message. Best effort: the MQL is already
 * stored, in the review queue and in the next export, so a failed notice is logged and never
 * fails the step that made it.
 */
export async function announceMqls(deps: AnnounceDeps, leads: readonly Lead[], by: string): Promise<number> {
  if (!deps.notifier || leads.length === 0) return 0;
  try {
    await deps.notifier.notifyMqls(leads.map((lead) => mqlNotice(lead, by)));
    return leads.length;
  } catch (error) {
    deps.log.error('could not notify sales of new MQLs', {
      mqls: leads.length,
      error: error instanceof Error ? error.message : String(error),
    });
    return 0;
  }
}
