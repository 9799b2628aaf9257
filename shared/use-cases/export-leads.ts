import { toCsv } from '../domain/crm-row.ts';
import type { LeadState } from '../domain/lead-state.ts';
import type { Lead, LeadStore } from '../ports/lead-store.ts';

/** Every lead in a state (MQLs by default), highest score first, as CRM-ready CSV. */
export async function exportLeads(
  deps: { leads: LeadStore },
  state: LeadState = 'mql',
): Promise<{ csv: string; count: number }> {
  const leads: Lead[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.leads.listByState(state, 100, cursor);
    leads.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { csv: toCsv(leads), count: leads.length };
}
