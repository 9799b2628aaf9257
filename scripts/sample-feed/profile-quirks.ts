/**
 * Profile details our own code must survive:
 *  - formula-injection bait: names/bios starting with = + - @ (for the CSV export test), ~1% of users;
 *  - opt-out wording in a few bios ("no DMs, no sales pitches pls"): realism only, not labelled.
 */
import type { Rng } from './rng.ts';
import type { UserRecord } from './users.ts';

type Quirk = { field: 'name' | 'description'; value: (u: UserRecord) => string };

const INJECTION: readonly Quirk[] = [
  { field: 'name', value: () => '=HYPERLINK("http://evil.example","click")' },
  { field: 'description', value: (u) => `=1+1 | ${u.user.description || 'growth hacker'}` },
  { field: 'description', value: () => '+1 (555) 010-4477 | text me, not DMs' },
  {
    field: 'description',
    value: (u) => `@${u.company?.handle ?? 'acmecorp'} alum. now building something new`,
  },
  { field: 'description', value: () => '-- RevOps nerd, spreadsheet survivor --' },
  { field: 'name', value: (u) => `-${u.user.name.split(' ')[0]}-` },
  { field: 'description', value: () => "=cmd|' /C calc'!A0" },
  { field: 'name', value: (u) => `+${u.user.name}` },
  { field: 'description', value: () => '@ the intersection of data and coffee' },
  { field: 'description', value: () => '- SRE - coffee - cats -' },
  { field: 'name', value: () => '=SUM(A1:A9) enjoyer' },
];

const OPT_OUT: readonly string[] = [
  'no DMs, no sales pitches pls',
  'Vendors: please do not pitch me here. I will find you when I need you.',
  'DMs closed to sales. Cold outreach = instant block.',
  'not interested in demos or "quick calls" 🙏',
];

/** Applies the quirks in place; returns the users touched so the generator can report them. */
export function applyProfileQuirks(
  records: readonly UserRecord[],
  rng: Rng,
): { injection: UserRecord[]; optOut: UserRecord[] } {
  const people = records.filter(
    (r) => !['vendor_brand', 'partner', 'careers', 'media', 'bot'].includes(r.persona),
  );
  const injection = rng.shuffle(people).slice(0, Math.max(1, Math.round(records.length * 0.0105)));
  injection.forEach((u, i) => {
    const q = INJECTION[i % INJECTION.length]!;
    u.user[q.field] = q.value(u).slice(0, q.field === 'name' ? 50 : 160);
  });
  const taken = new Set(injection);
  // Opt-out bios go to single-post accounts: two buyers, a practitioner and a consultant.
  const pickFrom = (persona: string) =>
    rng.shuffle(records.filter((r) => r.persona === persona && r.posts === 1 && !taken.has(r)))[0];
  const optOut: UserRecord[] = [];
  for (const persona of ['buyer', 'buyer', 'practitioner', 'consultant']) {
    const u = pickFrom(persona);
    if (!u) continue;
    taken.add(u);
    const line = OPT_OUT[optOut.length]!;
    const combined = u.user.description ? `${u.user.description} | ${line}` : line;
    u.user.description = combined.length <= 160 ? combined : line;
    optOut.push(u);
  }
  return { injection, optOut };
}
