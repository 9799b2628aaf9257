import type { Recount } from './recount.ts';

/** What a scenario saw besides the table: the chat notices, the CRM rows, X's bill. */
export interface Observed {
  /** MQL notices received per lead key (webhook bodies' `mqls[].key`); undefined when no webhook was wired. */
  notices?: Map<string, number>;
  /** Lead keys a person moved to MQL during the scenario. */
  decided?: string[];
  /** Lead keys in the CRM export files, and the leads in `mql` when it ran. */
  exported?: { keys: Set<string>; expected: Set<string> };
  /** Posts in complete pages X served (what X bills); undefined when unknown. */
  postsServed?: number;
}

const sample = (ids: Iterable<string>) => {
  const list = [...ids];
  return `${list.slice(0, 3).join(', ')}${list.length > 3 ? `, … (${list.length})` : ''}`;
};

const diff = (a: Iterable<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));

/**
 * The invariants a faulty run must keep, against a clean recount of the table and the fault-free
 * run's recount: the same posts, leads, cursors; no duplicate or inconsistent event, task or
 * notice; budgets that count every post read. Returns each violation in words (empty: all held).
 */
export function checkInvariants(got: Recount, baseline: Recount, observed: Observed = {}): string[] {
  const problems: string[] = [];
  const gotPosts = new Set(got.posts.keys());
  const basePosts = new Set(baseline.posts.keys());
  const missing = diff(basePosts, gotPosts);
  const extra = diff(gotPosts, basePosts);
  if (missing.length) problems.push(`posts missing: ${sample(missing)}`);
  if (extra.length) problems.push(`posts not in the fault-free run: ${sample(extra)}`);
  const retagged = [...got.posts].filter(
    ([id, c]) => basePosts.has(id) && c.join() !== baseline.posts.get(id)?.join(),
  );
  if (retagged.length)
    problems.push(`posts with other campaigns than fault-free: ${sample(retagged.map(([id]) => id))}`);

  const leadsMissing = diff(baseline.leads.keys(), new Set(got.leads.keys()));
  if (leadsMissing.length) problems.push(`leads missing: ${sample(leadsMissing)}`);
  const stranded = [...got.leads].filter(([, l]) => l.pending).map(([k]) => k);
  if (stranded.length) problems.push(`leads with unscored evidence left: ${sample(stranded)}`);

  const brokenChains: string[] = [];
  const duplicateEvents: string[] = [];
  for (const [key, lead] of got.leads) {
    const events = got.events.get(key) ?? [];
    const seen = new Set<string>();
    for (const [i, e] of events.entries()) {
      const id = `${e.from}>${e.to}|${e.actor.type}:${e.actor.id}|${e.definitionVersion ?? ''}|${e.reason ?? ''}|${e.at}`;
      if (seen.has(id)) duplicateEvents.push(key);
      seen.add(id);
      const before = events[i - 1];
      if (before && before.to !== e.from) brokenChains.push(key);
    }
    const last = events.at(-1);
    if (last && last.to !== lead.state) brokenChains.push(key);
  }
  if (duplicateEvents.length) problems.push(`duplicate events: ${sample(new Set(duplicateEvents))}`);
  if (brokenChains.length)
    problems.push(`event trail inconsistent with the lead's state: ${sample(new Set(brokenChains))}`);

  const lostDrafts: string[] = [];
  const extraDrafts: string[] = [];
  for (const [key, events] of got.events) {
    const drafting = events.filter(
      (e) => e.actor.type === 'system' && e.from !== e.to && (e.to === 'review' || e.to === 'mql'),
    ).length;
    const tasks = (got.tasks.get(key) ?? []).filter((t) => t.kind === 'reply').length;
    if (drafting > 0 && tasks === 0) lostDrafts.push(key);
    if (tasks > drafting) extraDrafts.push(key);
  }
  if (lostDrafts.length) problems.push(`leads that reached review/mql with no draft: ${sample(lostDrafts)}`);
  if (extraDrafts.length)
    problems.push(`more drafts than transitions into review/mql: ${sample(extraDrafts)}`);

  if (observed.notices) {
    const dup = [...observed.notices].filter(([, n]) => n > 1).map(([k]) => k);
    if (dup.length) problems.push(`duplicate MQL notices: ${sample(dup)}`);
    const reachedMql = [...got.events]
      .filter(([, events]) => events.some((e) => e.to === 'mql' && e.from !== 'mql'))
      .map(([k]) => k);
    const lost = reachedMql.filter((k) => !observed.notices?.has(k));
    if (lost.length) problems.push(`MQLs never announced: ${sample(lost)}`);
  }
  for (const key of observed.decided ?? []) {
    const marketer = (got.events.get(key) ?? []).filter((e) => e.actor.type === 'marketer');
    if (marketer.length !== 1) problems.push(`decision on ${key} recorded ${marketer.length} times`);
  }
  if (observed.exported) {
    const notExported = diff(observed.exported.expected, observed.exported.keys);
    if (notExported.length) problems.push(`MQLs missing from the CRM export: ${sample(notExported)}`);
  }

  for (const [id, cursor] of baseline.cursors) {
    const c = got.cursors.get(id);
    if (!c || c.sinceId !== cursor.sinceId)
      problems.push(`cursor of ${id}: since_id ${c?.sinceId} instead of ${cursor.sinceId}`);
    if (c?.pendingNewestId || c?.pendingUntilId) problems.push(`cursor of ${id} still has a walk pending`);
  }
  const perCampaign = new Map<string, number>();
  for (const campaigns of got.posts.values())
    for (const c of campaigns) perCampaign.set(c, (perCampaign.get(c) ?? 0) + 1);
  let campaignReads = 0;
  for (const [id, stored] of perCampaign) {
    const read = got.budgets.get(`campaign#${id}`) ?? 0;
    campaignReads += read;
    if (read < stored) problems.push(`budget of ${id} counts ${read} reads for ${stored} posts stored`);
  }
  const account = got.budgets.get('account') ?? 0;
  // Every page is added to the account and to its campaign: the two counters move together.
  if (account !== campaignReads)
    problems.push(`account budget counts ${account} reads, its campaigns' budgets ${campaignReads}`);
  if (observed.postsServed !== undefined && Math.max(account, campaignReads) > observed.postsServed)
    problems.push(
      `budgets count ${account} (account) and ${campaignReads} (campaigns) reads for the ${observed.postsServed} posts X served`,
    );
  return problems;
}
