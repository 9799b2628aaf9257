/** Writes a profile bio for a new account from the persona's templates (see bios-*.ts). */
import {
  AGENCIES,
  BRAND_BIOS,
  COMPETITOR_BIOS,
  COMPETITOR_ROLES,
  CONSULTANT_BIOS,
  RECRUITER_BIOS,
  REGIONS,
  STAFF_BIOS,
  STAFF_ROLES,
  TAGLINES,
} from './bios-organizations.ts';
import {
  BIGCOS,
  BUYER_BIOS,
  BUYER_TITLES,
  HOBBIES,
  LOCALIZED_BIOS,
  PRACTITIONER_BIOS,
  PRACTITIONER_TITLES,
  SEEKER_BIOS,
  STUDENT_BIOS,
  UNIVERSITIES,
} from './bios-people.ts';
import type { Company } from './companies.ts';
import { OFF_TOPIC_BIOS } from './off-topic.ts';
import type { Rng } from './rng.ts';
import { fill } from './text-style.ts';
import type { Lang } from './types.ts';
import type { CreateOptions } from './users.ts';

export function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function writeBio(
  rng: Rng,
  opts: CreateOptions,
  company: Company | undefined,
  handle: string,
  lang: Lang,
): string {
  const d = opts.domain;
  const bigco = rng.pick(BIGCOS);
  let bigco2 = rng.pick(BIGCOS);
  while (bigco2 === bigco) bigco2 = rng.pick(BIGCOS);
  const presets: Record<string, string> = {
    company: company?.name ?? rng.pick(BIGCOS),
    handle: company?.handle ?? handle,
    hobby: rng.pick(HOBBIES),
    night: rng.pick(['amateur baker', 'bad guitarist', 'gamer', 'trail runner', 'home cook', 'podcaster']),
    vendorCore: ascii(opts.vendor ?? '').slice(0, 11),
    bigco,
    bigco2,
    uni: rng.pick(UNIVERSITIES),
    vendor: opts.vendor ?? '',
    tagline: rng.pick(TAGLINES[d]),
    role: rng.pick(STAFF_ROLES),
    agency: rng.pick(AGENCIES),
    region: rng.pick(REGIONS),
    outlet: opts.outlet ?? '',
    employer: opts.employer ?? '',
    employerHandle: ascii(opts.employer ?? ''),
  };
  const foreign = lang !== 'en' ? (lang as 'de' | 'fr' | 'es') : undefined;
  let template: string;
  switch (opts.persona) {
    case 'buyer':
      presets.title = rng.pick(BUYER_TITLES[d]);
      template = rng.pick(foreign ? LOCALIZED_BIOS[foreign] : BUYER_BIOS);
      break;
    case 'practitioner':
      presets.title = rng.pick(PRACTITIONER_TITLES[d]);
      template = rng.pick(foreign ? LOCALIZED_BIOS[foreign] : PRACTITIONER_BIOS);
      break;
    case 'student':
      template = rng.pick(STUDENT_BIOS);
      break;
    case 'seeker':
      presets.title = rng.pick(PRACTITIONER_TITLES[d]);
      template = rng.pick(SEEKER_BIOS[d]);
      break;
    case 'vendor_brand':
      template = rng.pick(BRAND_BIOS);
      break;
    case 'vendor_staff':
      template = rng.pick(STAFF_BIOS);
      break;
    case 'partner':
      return opts.partner?.[1] ?? '';
    case 'recruiter':
      template = rng.pick(RECRUITER_BIOS[d]);
      break;
    case 'careers':
      template = rng.pick([
        'Join the team at {company}. Open roles below 👇',
        'Careers at {company}. Come build with us.',
        'Life at {company} + open roles',
      ]);
      break;
    case 'consultant':
      template = rng.pick(CONSULTANT_BIOS[d]);
      break;
    case 'media':
      template = rng.pick([
        'News and analysis on {beat}.',
        '{outlet}: the week in {beat}, every weekday.',
        'Independent coverage of {beat}. Tips: tips@{site}',
      ]);
      presets.beat = rng.pick([
        'B2B software',
        'sales tech',
        'data and cloud',
        'infrastructure',
        'enterprise SaaS',
      ]);
      presets.site = `${ascii(opts.outlet ?? 'news').toLowerCase()}.com`;
      break;
    case 'journalist':
      template = rng.pick([
        'Reporter at {outlet} covering {beat}. Tips: DMs open / Signal',
        '{beat} reporter, {outlet}. Previously {bigco} comms (I know, I know).',
        'Senior writer @ {outlet}. {beat}, funding, outages. {hobby}',
        'I cover {beat} for {outlet}. Tips welcome.',
      ]);
      presets.beat = rng.pick([
        'enterprise software',
        'SaaS',
        'cloud infrastructure',
        'data & AI',
        'startups',
      ]);
      break;
    case 'competitor':
      presets.role = rng.pick(COMPETITOR_ROLES);
      template = rng.pick(COMPETITOR_BIOS);
      break;
    case 'bot':
      return rng.chance(0.8)
        ? ''
        : rng.pick(['Follow for daily tips 💯', 'DM for promo', '🔥 crypto | AI | marketing 🔥']);
    default:
      template = rng.pick(OFF_TOPIC_BIOS[opts.persona]);
  }
  return fill(template, rng, presets).replace(/\s+\|\s*$/, '');
}
