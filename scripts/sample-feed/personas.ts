/**
 * Who posts: the personas and the rough shape of each one's account (followers, age, verification, website,
 * location). Bio templates live in bios-people.ts, bios-organizations.ts and off-topic.ts.
 */
import type { OffTopicPersona } from './off-topic.ts';

export type PersonaKey =
  | 'buyer'
  | 'practitioner'
  | 'student'
  | 'vendor_brand'
  | 'vendor_staff'
  | 'partner'
  | 'recruiter'
  | 'careers'
  | 'seeker'
  | 'consultant'
  | 'media'
  | 'journalist'
  | 'competitor'
  | 'bot'
  | OffTopicPersona;

export interface PersonaShape {
  kind: 'person' | 'brand' | 'bot';
  followers: [number, number];
  following: [number, number];
  tweets: [number, number];
  ageYears: [number, number];
  verified: number;
  /** Probability of a website: the employer's site for people, own site for brands. */
  url: number;
  location: number;
}

const person = (
  followers: [number, number],
  ageYears: [number, number],
  verified: number,
  url: number,
  extra: Partial<PersonaShape> = {},
): PersonaShape => ({
  kind: 'person',
  followers,
  following: [80, 2500],
  tweets: [150, 18000],
  ageYears,
  verified,
  url,
  location: 0.75,
  ...extra,
});

const offTopic = person([15, 2500], [1, 14], 0.02, 0.03, { location: 0.6 });

export const SHAPES: Record<PersonaKey, PersonaShape> = {
  buyer: person([150, 15000], [3, 15], 0.12, 0.6, { location: 0.85 }),
  practitioner: person([20, 3000], [1, 12], 0.04, 0.25),
  student: person([5, 450], [0.3, 5], 0.01, 0.05, { tweets: [40, 4000], location: 0.5 }),
  vendor_brand: {
    kind: 'brand',
    followers: [1500, 60000],
    following: [40, 1500],
    tweets: [2000, 30000],
    ageYears: [3, 12],
    verified: 0.7,
    url: 1,
    location: 0.7,
  },
  vendor_staff: person([100, 4000], [1, 10], 0.08, 0.7),
  partner: {
    kind: 'brand',
    followers: [300, 8000],
    following: [200, 3000],
    tweets: [500, 9000],
    ageYears: [2, 10],
    verified: 0.25,
    url: 1,
    location: 0.8,
  },
  recruiter: person([500, 12000], [2, 12], 0.06, 0.5, { following: [1000, 5000], tweets: [2000, 40000] }),
  careers: {
    kind: 'brand',
    followers: [400, 9000],
    following: [10, 400],
    tweets: [200, 4000],
    ageYears: [2, 11],
    verified: 0.3,
    url: 1,
    location: 0.9,
  },
  seeker: person([50, 2500], [1, 10], 0.02, 0.05, { following: [300, 3500] }),
  consultant: person([1500, 45000], [4, 15], 0.3, 0.8, { tweets: [3000, 45000] }),
  media: {
    kind: 'brand',
    followers: [5000, 250000],
    following: [100, 2000],
    tweets: [8000, 90000],
    ageYears: [5, 15],
    verified: 0.8,
    url: 1,
    location: 0.5,
  },
  journalist: person([2000, 40000], [5, 15], 0.5, 0.6, { tweets: [5000, 60000] }),
  competitor: person([200, 6000], [2, 12], 0.1, 0.15),
  bot: {
    kind: 'bot',
    followers: [0, 40],
    following: [300, 5000],
    tweets: [15000, 250000],
    ageYears: [0.03, 0.25],
    verified: 0.03,
    url: 0,
    location: 0,
  },
  pilot: offTopic,
  clinician: offTopic,
  lab_scientist: offTopic,
  sf_local: offTopic,
  logistics: offTopic,
  shopper: offTopic,
  parent: offTopic,
  astronomer: offTopic,
  wellbeing: offTopic,
  cottage: offTopic,
  physics_student: offTopic,
  gamer: offTopic,
  beekeeper: offTopic,
  film_fan: offTopic,
};
