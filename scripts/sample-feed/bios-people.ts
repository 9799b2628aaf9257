/** Job titles, bio templates and small word pools for people's profiles (see users.ts). */
import type { Domain } from './types.ts';

export const BUYER_TITLES: Record<Domain, readonly string[]> = {
  crm: [
    'VP Sales',
    'VP Revenue',
    'Head of RevOps',
    'RevOps Lead',
    'Director of Sales Operations',
    'CRO',
    'Founder & CEO',
    'Co-founder',
    'Head of Sales',
    'Sales Director EMEA',
    'COO',
    'VP Growth',
  ],
  warehouse: [
    'Head of Data',
    'Director of Data & Analytics',
    'Data Engineering Lead',
    'CTO',
    'VP Engineering',
    'Analytics Manager',
    'Head of BI',
    'Co-founder & CTO',
    'Principal Data Engineer',
    'VP Data',
  ],
  observability: [
    'SRE Lead',
    'Head of Platform',
    'VP Engineering',
    'CTO',
    'Director of Infrastructure',
    'Engineering Manager, Platform',
    'Head of SRE',
    'Co-founder & CTO',
    'Principal Engineer',
    'Director of Engineering',
  ],
};

export const PRACTITIONER_TITLES: Record<Domain, readonly string[]> = {
  crm: [
    'Account Executive',
    'SDR',
    'Sales Ops Analyst',
    'Salesforce Admin',
    'HubSpot Admin',
    'Marketing Ops Manager',
    'Revenue Analyst',
    'CSM',
    'Sales Manager',
  ],
  warehouse: [
    'Data Analyst',
    'Analytics Engineer',
    'Data Engineer',
    'BI Developer',
    'Senior Data Engineer',
    'Data Scientist',
    'Analytics Lead',
  ],
  observability: [
    'SRE',
    'Platform Engineer',
    'DevOps Engineer',
    'Backend Engineer',
    'Software Engineer',
    'Infra Engineer',
    'Senior SRE',
  ],
};

export const BUYER_BIOS: readonly string[] = [
  '{title} @ {company} | ex-{bigco}',
  '{title} at {company} ({stage})',
  '{title}, {company}. {hobby}',
  '{title} @ {company}. building things, breaking fewer. opinions my own',
  '{title} | {company} | {city}',
  '{hobby}. {title} at {company}.',
  '{title} at {company}. Previously {bigco}, {bigco2}. {hobby}',
  '{title} @{handle} • {hobby} • views mine',
  'Building {company} ({stage}). {title}. {hobby}',
];

export const PRACTITIONER_BIOS: readonly string[] = [
  '{title} at {company}',
  '{title} @ {company}. {hobby}',
  '{title}. {hobby}. views mine',
  '{hobby} | {title}',
  '{title} by day, {night} by night',
  '{title} @{handle}',
  '',
];

export const LOCALIZED_BIOS: Record<'de' | 'fr' | 'es', readonly string[]> = {
  de: [
    '{title} bei {company}',
    '{title} @ {company} | {hobby}',
    'Vertrieb, Daten & Kaffee. {title} bei {company}',
    '{title} | {company} | München',
  ],
  fr: [
    '{title} chez {company}',
    '{title} @ {company} | {hobby}',
    'Data, vélo et café. {title} chez {company}',
  ],
  es: ['{title} en {company}', '{title} @ {company} | {hobby}', 'Datos, fútbol y café. {title} en {company}'],
};

export const HOBBIES: readonly string[] = [
  'runner',
  'dad of 2',
  'mom of 3',
  'coffee snob',
  '☕ + 🏃',
  'climber',
  'bad golfer',
  'cat person 🐈',
  'he/him',
  'she/her',
  'they/them',
  '🇮🇪 in 🇺🇸',
  'amateur baker',
  'podcast addict',
  'cyclist 🚴',
  'board games',
  'dog dad 🐕',
  'sourdough survivor',
  'marathoner',
  'bookworm',
  'surfer 🏄',
  'vinyl collector',
  'soccer coach',
  'hiking 🏔️',
  'espresso nerd',
  'new dad',
];

export const BIGCOS: readonly string[] = [
  'Oracle',
  'SAP',
  'Google',
  'Amazon',
  'Microsoft',
  'Stripe',
  'Uber',
  'Shopify',
  'Atlassian',
  'IBM',
  'Deloitte',
  'Accenture',
  'Zendesk',
  'Twilio',
  'Workday',
  'Adobe',
  'Intuit',
  'Cisco',
  'Spotify',
  'Booking.com',
];

export const UNIVERSITIES: readonly string[] = [
  'UT Austin',
  'Georgia Tech',
  'TU Delft',
  'UCL',
  'U of T',
  'Purdue',
  'NUS',
  'IIT Madras',
  'UW',
  'Imperial',
  'ETH',
  'McGill',
];

export const STUDENT_BIOS: readonly string[] = [
  'CS student @ {uni}',
  'MSc Data Science @ {uni} | looking for internships',
  'learning SQL one query at a time',
  'bootcamp grad | aspiring analyst',
  'comp eng @ {uni} | k8s homelab enthusiast',
  'business student, future RevOps person?',
];

export const SEEKER_BIOS: Record<Domain, readonly string[]> = {
  crm: [
    '#OpenToWork | {title} | HubSpot & Salesforce',
    'Salesforce Admin ({n:2-5}x certified) | looking for my next role',
    'ex-{company} {title} | #OpenToWork',
    'RevOps generalist • open to new roles • {city}',
  ],
  warehouse: [
    '#OpenToWork | {title} | dbt, SQL, Python',
    'ex-{company} {title} | open to new roles',
    'Data person looking for a data team • {city}',
    '{title} | #OpenToWork | {wh} certified',
  ],
  observability: [
    '#OpenToWork | {title} | k8s, Prometheus, Terraform',
    'ex-{company} SRE | open to work',
    'on-call veteran looking for a calmer rotation',
    '{title} • #OpenToWork • {city}',
  ],
};
