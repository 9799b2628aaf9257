/** Builds X v2 user objects for a persona: name, handle, bio, site, location, age and metrics. */

import { type Company, CompanyFactory, companyFromName } from './companies.ts';
import { LOCATIONS } from './locations.ts';
import { FIRST_NAMES, LAST_NAMES, type NameLocale } from './names.ts';
import { type PersonaKey, SHAPES } from './personas.ts';
import type { Rng } from './rng.ts';
import { userId } from './snowflake.ts';
import type { Domain, Lang, XUser } from './types.ts';
import { ascii, writeBio } from './user-bios.ts';

export interface UserRecord {
  user: XUser;
  persona: PersonaKey;
  domain: Domain;
  lang: Lang;
  posts: number;
  company?: Company;
  /** Vendor the account belongs to (vendor_brand, vendor_staff). */
  vendor?: string;
  /** Incumbent the author works for (competitor). */
  employer?: string;
}

export interface CreateOptions {
  persona: PersonaKey;
  domain: Domain;
  lang?: Lang;
  vendor?: string;
  employer?: string;
  /** [name, bio] for partner agencies. */
  partner?: readonly [string, string];
  outlet?: string;
}

const DAY = 86_400_000;
/** Personas whose handles and nicknames may reflect their work. */
const WORK_PERSONAS = new Set<PersonaKey>([
  'buyer',
  'practitioner',
  'consultant',
  'seeker',
  'vendor_staff',
  'competitor',
  'recruiter',
]);
const NICKNAMES: Record<Domain, readonly string[]> = {
  crm: ['RevOps', 'spreadsheets', 'pipeline'],
  warehouse: ['the data guy', 'SQL', 'dbt'],
  observability: ['SRE', 'on-call', 'pager'],
};
const DOMAIN_WORD: Record<Domain, readonly string[]> = {
  crm: ['revops', 'sales', 'ops', 'crm', 'gtm'],
  warehouse: ['data', 'sql', 'dbt', 'analytics', 'dw'],
  observability: ['sre', 'ops', 'infra', 'oncall', 'k8s'],
};

/** "AcmeJobs": a suffix that fits X's 15-character limit without cutting the company name if possible. */
function careersHandle(core: string, rng: Rng): string {
  const fitting = ['Jobs', 'Careers', 'Hiring'].filter((s) => core.length + s.length <= 15);
  if (fitting.length) return core + rng.pick(fitting);
  const firstWord = /^[A-Z][a-z0-9]*/.exec(core)?.[0] ?? core;
  return `${firstWord.slice(0, 11)}Jobs`;
}

export class UserFactory {
  readonly records: UserRecord[] = [];
  private readonly usernames = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly companies: CompanyFactory;

  constructor(
    private readonly rng: Rng,
    private readonly anchorMs: number,
  ) {
    this.companies = new CompanyFactory(rng.fork('companies'));
  }

  create(opts: CreateOptions): UserRecord {
    const rng = this.rng;
    const lang = opts.lang ?? 'en';
    const locale: NameLocale = lang;
    const shape = SHAPES[opts.persona];
    const first = rng.pick(FIRST_NAMES[locale]);
    const last = rng.pick(LAST_NAMES[locale]);

    const needsCompany = ['buyer', 'practitioner', 'careers', 'seeker', 'recruiter', 'logistics'].includes(
      opts.persona,
    );
    const company = needsCompany ? this.companies.next() : undefined;

    let name: string;
    let handleBase: string;
    let site: string | undefined;
    if (shape.kind === 'brand') {
      const brandName =
        opts.persona === 'careers'
          ? `${company!.name} Careers`
          : (opts.partner?.[0] ?? opts.outlet ?? opts.vendor ?? 'Brand');
      name = brandName;
      const core = ascii(brandName.replace(/ Careers$/, ''));
      handleBase =
        opts.persona === 'careers'
          ? careersHandle(core, rng)
          : opts.persona === 'vendor_brand'
            ? rng.pick([core, `${core}HQ`, `get${core}`, `${core}app`, core.toLowerCase()])
            : core;
      site = opts.persona === 'careers' ? `${company!.site}/careers` : companyFromName(brandName, rng).site;
    } else if (shape.kind === 'bot') {
      const digits = String(rng.int(10000, 99999999));
      if (rng.chance(0.55)) {
        name = `user${digits}`;
        handleBase = name;
      } else {
        name = rng.chance(0.5) ? `${first} ${last}` : `${first}${rng.pick(['💰', '🚀', ' 💯', ' ✨', ''])}`;
        handleBase = `${ascii(first).toLowerCase()}${digits}`;
      }
    } else {
      const work = WORK_PERSONAS.has(opts.persona);
      name = this.personName(first, last, opts.persona, work ? opts.domain : null);
      handleBase = this.personHandle(first, last, work ? opts.domain : null);
    }
    const username = this.uniqueUsername(handleBase);

    const ageYears = shape.ageYears[0] + rng.next() * (shape.ageYears[1] - shape.ageYears[0]);
    const createdMs = Math.floor(this.anchorMs - 8 * DAY - ageYears * 365.25 * DAY + rng.next() * DAY);
    let id = userId(createdMs, rng);
    while (this.ids.has(id)) id = userId(createdMs + rng.int(1, 5000), rng);
    this.ids.add(id);

    const followers = rng.logInt(shape.followers[0], shape.followers[1]);
    const following = rng.logInt(shape.following[0], shape.following[1]);
    const maxTweets = Math.max(
      shape.tweets[0],
      Math.round(ageYears * 365 * (shape.kind === 'bot' ? 2500 : 12)),
    );
    const tweets = rng.logInt(shape.tweets[0], Math.min(shape.tweets[1], maxTweets));
    const listedRate = shape.kind === 'brand' ? 0.01 + rng.next() * 0.02 : rng.next() * 0.012;

    const bio = writeBio(rng, opts, company, username, lang);
    const user: XUser = {
      id,
      username,
      name,
      description: bio,
      created_at: new Date(createdMs).toISOString(),
      verified: rng.chance(shape.verified),
      public_metrics: {
        followers_count: followers,
        following_count: following,
        tweet_count: tweets,
        listed_count: Math.floor(followers * listedRate),
      },
    };
    if (rng.chance(shape.location)) {
      user.location = rng.pick(LOCATIONS[lang === 'en' ? 'en' : lang]);
    }
    if (rng.chance(shape.url)) {
      if (site) user.url = site;
      else if (company) user.url = company.site;
      else if (opts.persona === 'consultant' || opts.persona === 'journalist') {
        user.url = rng.pick([
          `https://${username.toLowerCase()}.substack.com`,
          `https://${ascii(first + last).toLowerCase()}.com`,
        ]);
      } else if (opts.persona === 'vendor_staff' && opts.vendor) {
        user.url = companyFromName(opts.vendor, rng).site;
      }
    }
    // Reorder keys into the usual X v2 field order.
    const ordered: XUser = {
      id: user.id,
      username: user.username,
      name: user.name,
      description: user.description,
      ...(user.location !== undefined ? { location: user.location } : {}),
      ...(user.url !== undefined ? { url: user.url } : {}),
      created_at: user.created_at,
      verified: user.verified,
      public_metrics: user.public_metrics,
    };
    const record: UserRecord = { user: ordered, persona: opts.persona, domain: opts.domain, lang, posts: 0 };
    if (company) record.company = company;
    if (opts.vendor) record.vendor = opts.vendor;
    if (opts.employer) record.employer = opts.employer;
    this.records.push(record);
    return record;
  }

  private personName(first: string, last: string, persona: PersonaKey, domain: Domain | null): string {
    const rng = this.rng;
    const r = rng.next();
    if (persona === 'clinician' && r < 0.3) return `Dr. ${first} ${last}`;
    if (persona === 'seeker' && r < 0.25) return `${first} ${last} #OpenToWork`;
    if (persona === 'recruiter' && r < 0.2) return `${first} ${last} | hiring`;
    if (r < 0.62) return `${first} ${last}`;
    if (r < 0.74) return first;
    if (r < 0.82) return `${first} ${last[0]}.`;
    if (r < 0.88) return `${first} ${last} ${rng.pick(['🏳️‍🌈', '🌱', '☕', '🚀', '⚡', '🇺🇦', '🎧', '🏔️'])}`;
    if (r < 0.97 || !domain) return `${first.toLowerCase()} ${last.toLowerCase()}`;
    return `${first} "${rng.pick([...NICKNAMES[domain], 'not a bot'])}" ${last}`;
  }

  private personHandle(first: string, last: string, domain: Domain | null): string {
    const rng = this.rng;
    const f = ascii(first);
    const l = ascii(last);
    const options = [
      `${f}${l}`,
      `${f}_${l}`,
      `${f}${l}${rng.int(1, 99)}`,
      `${f[0]}${l}`,
      domain ? `${f}_${rng.pick(DOMAIN_WORD[domain])}` : `${f}_${l[0]}`,
      `${l}${f[0]}`,
      `the${f}${l[0]}`,
      `${f}${rng.int(1970, 2003)}`,
      `${f.toLowerCase()}.${l.toLowerCase()}`.replace('.', '_'),
    ];
    const h = rng.pick(options);
    return rng.chance(0.6) ? h.toLowerCase() : h;
  }

  private uniqueUsername(base: string): string {
    let h = base.replace(/[^A-Za-z0-9_]/g, '').slice(0, 15) || `user${this.rng.int(1000, 9999)}`;
    while (this.usernames.has(h.toLowerCase())) h = `${h.slice(0, 11)}${this.rng.int(10, 9999)}`.slice(0, 15);
    this.usernames.add(h.toLowerCase());
    return h;
  }
}
