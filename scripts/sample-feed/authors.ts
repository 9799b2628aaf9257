/**
 * Picks who posts: a new account for the persona the kind calls for, or, with a per-kind probability, an
 * existing compatible account (a buyer asking twice, a vendor posting again). Nobody posts more than
 * MAX_POSTS times in the window.
 */
import { OUTLETS, PARTNERS } from './bios-organizations.ts';
import type { PersonaKey } from './personas.ts';
import type { Rng } from './rng.ts';
import type { Domain, Kind, Lang } from './types.ts';
import type { UserFactory, UserRecord } from './users.ts';
import { SLOTS } from './vocabulary.ts';

export const MAX_POSTS = 4;

const VENDORS: Record<Domain, readonly string[]> = {
  crm: SLOTS.crmVendor!.map(([v]) => v),
  warehouse: SLOTS.whVendor!.map(([v]) => v),
  observability: SLOTS.obsVendor!.map(([v]) => v),
};

/** Probability of reusing an existing account, by kind. */
const REUSE: Partial<Record<Kind, number>> = {
  buying_signal: 0.25,
  soft_signal: 0.45,
  howto_question: 0.38,
  happy_customer: 0.4,
  job_seeker: 0.2,
  advice_giving: 0.5,
  competitor_staff: 0.3,
};

export class AuthorPicker {
  constructor(
    private readonly users: UserFactory,
    private readonly rng: Rng,
  ) {}

  private existing(
    personas: readonly PersonaKey[],
    domain: Domain | null,
    lang: Lang,
    extra?: (r: UserRecord) => boolean,
  ) {
    return this.users.records.filter(
      (r) =>
        r.posts < MAX_POSTS &&
        personas.includes(r.persona) &&
        (domain === null || r.domain === domain) &&
        r.lang === lang &&
        (!extra || extra(r)),
    );
  }

  private reuseOr(
    p: number,
    personas: readonly PersonaKey[],
    domain: Domain,
    lang: Lang,
    create: () => UserRecord,
  ) {
    if (this.rng.chance(p)) {
      const pool = this.existing(personas, domain, lang);
      if (pool.length) return this.rng.pick(pool);
    }
    return create();
  }

  private make(
    persona: PersonaKey,
    domain: Domain,
    lang: Lang,
    extra: Partial<Parameters<UserFactory['create']>[0]> = {},
  ) {
    return this.users.create({ persona, domain, lang, ...extra });
  }

  /** Author for a post of `kind` in `domain`. */
  forKind(kind: Kind, domain: Domain, lang: Lang = 'en'): UserRecord {
    const rng = this.rng;
    const p = REUSE[kind] ?? 0;
    switch (kind) {
      case 'buying_signal':
        return this.reuseOr(p, ['buyer'], domain, lang, () => this.make('buyer', domain, lang));
      case 'soft_signal':
      case 'happy_customer':
        return this.reuseOr(p, ['buyer', 'practitioner'], domain, lang, () =>
          this.make(rng.chance(kind === 'soft_signal' ? 0.65 : 0.6) ? 'practitioner' : 'buyer', domain, lang),
        );
      case 'howto_question':
        return this.reuseOr(p, ['practitioner', 'student'], domain, lang, () =>
          this.make(rng.chance(0.8) ? 'practitioner' : 'student', domain, lang),
        );
      case 'job_seeker':
        return this.reuseOr(p, ['seeker'], domain, lang, () => this.make('seeker', domain, lang));
      case 'advice_giving':
        return this.reuseOr(p, ['consultant'], domain, lang, () => this.make('consultant', domain, lang));
      case 'vendor_promo':
        return this.vendor(domain, lang);
      case 'job_post':
        return this.hiring(domain, lang);
      case 'news':
        return this.media(domain, lang);
      default:
        throw new Error(`forKind does not handle ${kind}`);
    }
  }

  private vendor(domain: Domain, lang: Lang): UserRecord {
    const rng = this.rng;
    const r = rng.next();
    if (lang === 'en' && r < 0.42) {
      for (const vendor of rng.shuffle(VENDORS[domain])) {
        const acct = this.users.records.find((u) => u.persona === 'vendor_brand' && u.vendor === vendor);
        if (!acct) return this.make('vendor_brand', domain, lang, { vendor });
        if (acct.posts < MAX_POSTS) return acct;
      }
    }
    if (r < 0.72 || lang !== 'en') {
      const pool = this.existing(['partner'], domain, lang);
      const fresh = PARTNERS[domain].filter(([n]) => !this.users.records.some((u) => u.user.name === n));
      if (fresh.length && (pool.length === 0 || rng.chance(0.4))) {
        return this.make('partner', domain, lang, { partner: rng.pick(fresh) });
      }
      if (pool.length) return rng.pick(pool);
    }
    return this.reuseOr(0.35, ['vendor_staff'], domain, lang, () =>
      this.make('vendor_staff', domain, lang, { vendor: rng.pick(VENDORS[domain]) }),
    );
  }

  private hiring(domain: Domain, lang: Lang): UserRecord {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.45)
      return this.reuseOr(0.35, ['recruiter'], domain, lang, () => this.make('recruiter', domain, lang));
    if (r < 0.7)
      return this.reuseOr(0.25, ['careers'], domain, lang, () => this.make('careers', domain, lang));
    return this.reuseOr(0.45, ['buyer'], domain, lang, () => this.make('buyer', domain, lang));
  }

  private media(domain: Domain, lang: Lang): UserRecord {
    const rng = this.rng;
    if (lang === 'en' && rng.chance(0.68)) {
      const outlets = rng.shuffle([...OUTLETS[domain], ...OUTLETS.general]);
      for (const outlet of outlets) {
        const acct = this.users.records.find((u) => u.persona === 'media' && u.user.name === outlet);
        if (!acct) return this.make('media', domain, lang, { outlet });
        if (acct.posts < MAX_POSTS) return acct;
      }
    }
    return this.reuseOr(0.3, ['journalist'], domain, lang, () =>
      this.make('journalist', domain, lang, { outlet: rng.pick([...OUTLETS[domain], ...OUTLETS.general]) }),
    );
  }

  competitor(domain: Domain, employer: string): UserRecord {
    if (this.rng.chance(REUSE.competitor_staff!)) {
      const pool = this.existing(['competitor'], domain, 'en', (r) => r.employer === employer);
      if (pool.length) return this.rng.pick(pool);
    }
    return this.make('competitor', domain, 'en', { employer });
  }

  offTopic(persona: PersonaKey, domain: Domain): UserRecord {
    return this.make(persona, domain, 'en');
  }

  bot(domain: Domain): UserRecord {
    return this.make('bot', domain, 'en');
  }

  /** Someone who retweets: often an existing account from the same world, sometimes a new lurker. */
  retweeter(domain: Domain, exclude: string): UserRecord {
    const rng = this.rng;
    if (rng.chance(0.75)) {
      const pool = this.users.records.filter(
        (r) =>
          r.posts < MAX_POSTS &&
          r.domain === domain &&
          r.lang === 'en' &&
          r.user.id !== exclude &&
          !['bot', 'media', 'careers'].includes(r.persona) &&
          !r.persona.match(
            /^(pilot|clinician|lab_scientist|sf_local|logistics|shopper|parent|astronomer|wellbeing|cottage|physics_student|gamer|beekeeper|film_fan)$/,
          ),
      );
      if (pool.length) return rng.pick(pool);
    }
    const persona = rng.weighted<PersonaKey>([
      ['practitioner', 6],
      ['buyer', 2],
      ['consultant', 1],
      ['student', 1],
    ]);
    return this.make(persona, domain, 'en');
  }
}
