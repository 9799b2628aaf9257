import { mqlNotice } from '../domain/mql-notice.ts';
import type { Lead, LeadStore } from '../ports/lead-store.ts';
import type { Log } from '../ports/log.ts';
import type { Notifier } from '../ports/notifier.ts';
import { mapBounded } from './map-bounded.ts';
import type { Transition } from './qualify-prospects.ts';

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

/** The scoring step's new MQLs (leads that moved into `mql`), read once more for their profile. */
export async function announceScoredMqls(
  deps: AnnounceDeps,
  transitions: readonly Transition[],
): Promise<number> {
  if (!deps.notifier) return 0;
  const keys = transitions.filter((t) => t.to === 'mql' && t.from !== 'mql').map((t) => t.key);
  const leads = await mapBounded(keys, 8, (key) => deps.leads.getLead(key));
  return announceMqls(
    deps,
    leads.filter((lead): lead is Lead => lead?.state === 'mql'),
    'scoring',
  );
}
