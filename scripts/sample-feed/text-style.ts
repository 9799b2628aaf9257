/**
 * Template filling and "make it sound like a person typed it" styling.
 *
 * Template syntax:
 *   {crm}          named slot from vocabulary.ts; repeated uses in one text give the same value
 *   {crm2}         same pool as {crm}, never equal to it
 *   {wh!ClickHouse} the slot, never drawing the listed value(s) (for templates that name one literally)
 *   {n:5-40}       integer in range
 *   {a|b|}         one of the alternatives (an empty alternative is allowed)
 *   {tco}          a t.co short link, as X renders links in tweet text
 */
import type { Rng } from './rng.ts';
import type { Domain } from './types.ts';
import { SLOTS } from './vocabulary.ts';

const TCO_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function tco(rng: Rng): string {
  let s = 'https://t.co/';
  for (let i = 0; i < 10; i++) s += TCO_CHARS[rng.int(0, TCO_CHARS.length - 1)];
  return s;
}

export function fill(template: string, rng: Rng, preset: Record<string, string> = {}): string {
  const chosen: Record<string, string> = { ...preset };
  return template.replace(/\{([^{}]*)\}/g, (_m, body: string) => {
    if (body.includes('|')) return rng.pick(body.split('|'));
    const range = /^n:(\d+)-(\d+)$/.exec(body);
    if (range) return String(rng.int(Number(range[1]), Number(range[2])));
    if (body === 'tco') return tco(rng);
    const [name, ...excluded] = body.split('!') as [string, ...string[]];
    if (chosen[name] !== undefined && !excluded.includes(chosen[name]!)) return chosen[name]!;
    const base = name.endsWith('2') ? name.slice(0, -1) : name;
    const pool = SLOTS[base]?.filter(([v]) => !excluded.includes(v));
    if (!pool?.length) throw new Error(`Unknown template slot {${body}} in: ${template}`);
    const avoid = name === base ? chosen[`${base}2`] : chosen[base];
    let value = rng.weighted(pool);
    for (let tries = 0; value === avoid && tries < 20; tries++) value = rng.weighted(pool);
    chosen[name] = value;
    return value;
  });
}

export type Voice = 'casual' | 'pro' | 'brand' | 'media' | 'bot';
export type Mood = 'pain' | 'yay' | 'hmm' | 'point' | 'none';

export const HASHTAGS: Record<Domain, readonly string[]> = {
  crm: ['#RevOps', '#SalesOps', '#CRM', '#B2BSales', '#SaaS', '#sales', '#HubSpot', '#Salesforce'],
  warehouse: [
    '#dataengineering',
    '#analytics',
    '#dbt',
    '#moderndatastack',
    '#data',
    '#Snowflake',
    '#BigQuery',
    '#SQL',
  ],
  observability: [
    '#SRE',
    '#observability',
    '#devops',
    '#kubernetes',
    '#OpenTelemetry',
    '#monitoring',
    '#oncall',
  ],
};

const PRODUCT_TAGS = new Set(['#HubSpot', '#Salesforce', '#Snowflake', '#BigQuery', '#dbt']);

/** Realistic misspellings and casual abbreviations. None of them touches a campaign keyword. */
const SLANG: readonly (readonly [RegExp, string])[] = [
  [/\brecommend/i, 'recomend'],
  [/\bdefinitely\b/i, 'definately'],
  [/\bseparate\b/i, 'seperate'],
  [/\breally\b/i, 'realy'],
  [/\bbecause\b/i, 'bc'],
  [/\bprobably\b/i, 'prob'],
  [/\btomorrow\b/i, 'tmrw'],
  [/\bmigration\b/i, 'migraiton'],
  [/\bdashboards\b/i, 'dashbaords'],
  [/\bliterally\b/i, 'literaly'],
  [/\bwhich\b/i, 'wich'],
  [/\bactually\b/i, 'acutally'],
  [/\bsomething\b/i, 'somethin'],
  [/\bexperience\b/i, 'experiance'],
  [/\bweird\b/i, 'wierd'],
  [/\bgoing to\b/i, 'gonna'],
  [/\bwant to\b/i, 'wanna'],
  [/\bto be honest\b/i, 'tbh'],
  [/\bin my opinion\b/i, 'imo'],
  [/\bplease\b/i, 'pls'],
  [/\bpeople\b/i, 'ppl'],
  [/\bthanks\b/i, 'thx'],
  [/\byou\b(?!['’])/i, 'u'],
  [/\bwith\b/i, 'w/'],
  [/\bthough\b/i, 'tho'],
  [/\bdon't know\b/i, 'dunno'],
  [/\babout\b/i, 'abt'],
  [/\breceive/i, 'recieve'],
];

function applySlang(text: string, rng: Rng, max: number): string {
  let out = text;
  let applied = 0;
  for (const [re, rep] of rng.shuffle(SLANG)) {
    if (applied >= max) break;
    if (re.test(out)) {
      out = out.replace(re, (m) =>
        m[0] === m[0]!.toUpperCase() && m[0] !== m[0]!.toLowerCase() ? capitalize(rep) : rep,
      );
      applied++;
    }
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowercaseKeepingLinks(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.toLowerCase()))
    .join('');
}

function addHashtags(text: string, rng: Rng, domain: Domain, count: number): string {
  const existing = text.toLowerCase();
  const tags = rng
    .shuffle(HASHTAGS[domain])
    .filter((h) => !existing.includes(h.toLowerCase()))
    // Product hashtags only on posts that mention the product.
    .filter((h) => !PRODUCT_TAGS.has(h) || existing.includes(h.slice(1).toLowerCase()));
  const chosen = tags.slice(0, count);
  return chosen.length ? `${text} ${chosen.join(' ')}` : text;
}

function addEmoji(text: string, rng: Rng, mood: Mood, allowDouble = true): string {
  if (mood === 'none') return text;
  const e = rng.weighted(SLOTS[mood]!);
  if (rng.chance(0.15)) return `${e} ${text}`;
  return allowDouble && rng.chance(0.2) ? `${text} ${e}${e}` : `${text} ${e}`;
}

export interface StyleOptions {
  voice: Voice;
  mood?: Mood;
  domain?: Domain;
  /** Force-off hashtags (e.g. the text already ends with a link we want last). */
  noHashtags?: boolean;
}

export function style(text: string, rng: Rng, opts: StyleOptions): string {
  const mood = opts.mood ?? 'none';
  let out = text.trim();
  switch (opts.voice) {
    case 'casual': {
      if (rng.chance(0.35)) out = applySlang(out, rng, rng.int(1, 2));
      if (rng.chance(0.3)) out = lowercaseKeepingLinks(out);
      else if (rng.chance(0.25) && /^[A-Z][a-z]/.test(out)) out = out.charAt(0).toLowerCase() + out.slice(1);
      if (rng.chance(0.5)) out = out.replace(/\.$/, '');
      if (rng.chance(0.06)) out = out.replace(/\?$/, '??');
      if (rng.chance(0.22)) out = addEmoji(out, rng, mood);
      if (opts.domain && !opts.noHashtags && rng.chance(0.12)) out = addHashtags(out, rng, opts.domain, 1);
      break;
    }
    case 'pro': {
      if (rng.chance(0.05)) out = applySlang(out, rng, 1);
      if (rng.chance(0.1)) out = addEmoji(out, rng, mood, false);
      if (opts.domain && !opts.noHashtags && rng.chance(0.3))
        out = addHashtags(out, rng, opts.domain, rng.int(1, 2));
      break;
    }
    case 'brand': {
      if (rng.chance(0.3)) out = addEmoji(out, rng, mood === 'none' ? 'point' : mood, false);
      if (opts.domain && !opts.noHashtags && rng.chance(0.4))
        out = addHashtags(out, rng, opts.domain, rng.int(1, 2));
      break;
    }
    case 'media': {
      if (opts.domain && !opts.noHashtags && rng.chance(0.1)) out = addHashtags(out, rng, opts.domain, 1);
      break;
    }
    case 'bot':
      break;
  }
  return out.replace(/ {2,}/g, ' ');
}
