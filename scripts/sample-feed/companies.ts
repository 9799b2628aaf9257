/**
 * Fictional companies. A hand-written list for use inside tweet texts ({company}) plus generated names
 * (prefix + suffix + optional industry word) for the employers in user bios, each with a website.
 */
import type { Rng } from './rng.ts';

export const NAMED_COMPANIES: readonly string[] = [
  'Brightwave',
  'Northwind Analytics',
  'Acme Logistics',
  'Cobaltline',
  'Meridian Freight',
  'Lumen Health',
  'Harborview Insurance',
  'Quillpay',
  'Tessellate',
  'Kestrel Robotics',
  'Orchard Labs',
  'Bluefin Commerce',
  'Sablecrest',
  'Pinegrove Software',
  'Veritas Parcel',
  'Ironbark Security',
  'Copperleaf Retail',
  'Fable & Co',
  'Nimbus Payroll',
  'Granite Peak Energy',
  'Wayfarer Travel',
  'Tidepool Bio',
  'Lanternfish',
  'Redwood Lending',
  'Starling Telehealth',
  'Marlowe Media',
  'Foxglove Foods',
  'Arcadia Learning',
  'Helix Manufacturing',
  'Saltmarsh Studios',
];

const PREFIXES =
  `North Bright Blue Iron Silver Cedar Harbor Copper Granite Lumen Atlas Orbit Pine Maple Quartz River
  Stone Summit True Vector Amber Aspen Beacon Birch Canyon Cinder Clover Coral Crest Delta Ember Falcon Fern Flint
  Forge Glacier Golden Hazel Heron Juniper Kite Lark Linden Lotus Lynx Meadow Mesa Moss Nova Oak Onyx Opal Otter
  Prism Quill Raven Ridge Rowan Sage Sierra Slate Sparrow Spruce Swift Teal Thistle Timber Upland Velvet Willow Wren`
    .trim()
    .split(/\s+/);

const SUFFIXES =
  `wave wind field stack labs works loop point bridge path line gate scale shift forge base light spring
  craft grid mark well view yard`
    .trim()
    .split(/\s+/);

const INDUSTRIES =
  `Analytics Logistics Health Payments Insurance Security Robotics Foods Energy Learning Software Freight
  Bio Commerce Capital Media Systems Cloud Mobility Retail`
    .trim()
    .split(/\s+/);

const TLDS = ['io', 'com', 'co', 'ai', 'dev', 'app'] as const;

export interface Company {
  name: string;
  site: string;
  handle: string;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function companyFromName(name: string, rng: Rng): Company {
  const s = slug(name);
  const compact = s.replace(/-/g, '');
  const handle = compact.length <= 15 ? compact : (s.split('-')[0] ?? compact).slice(0, 15);
  return { name, site: `https://${s}.${rng.pick(TLDS)}`, handle };
}

/** Generates distinct company names; each call returns a new one. */
export class CompanyFactory {
  private used = new Set<string>(NAMED_COMPANIES);

  constructor(private readonly rng: Rng) {}

  next(): Company {
    for (let i = 0; i < 200; i++) {
      const base = this.rng.pick(PREFIXES) + this.rng.pick(SUFFIXES);
      const name = this.rng.chance(0.45) ? `${base} ${this.rng.pick(INDUSTRIES)}` : base;
      if (!this.used.has(name)) {
        this.used.add(name);
        return companyFromName(name, this.rng);
      }
    }
    throw new Error('ran out of company names');
  }
}
