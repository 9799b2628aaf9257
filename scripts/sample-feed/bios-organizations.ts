/** Profiles of organisations and their people: vendors, partners, recruiters, consultants, media. */
import type { Domain } from './types.ts';

export const TAGLINES: Record<Domain, readonly string[]> = {
  crm: [
    'The CRM for teams that sell, not type.',
    'Pipeline management without the admin.',
    'The lightweight CRM for B2B teams.',
    'Sales CRM your reps will actually use.',
  ],
  warehouse: [
    'The warehouse that scales to zero.',
    'Analytics without the surprise bill.',
    'SQL-first lakehouse for small data teams.',
    'Fast analytics on open formats.',
  ],
  observability: [
    'Observability without the surprise bill.',
    'Logs, metrics and traces, priced per GB.',
    'OpenTelemetry-native monitoring.',
    'Calmer on-call for growing teams.',
  ],
};

export const BRAND_BIOS: readonly string[] = [
  'Official account of {vendor}. {tagline}',
  '{vendor}: {tagline} Support: @{vendorCore}Help',
  '{tagline} Try {vendor} free 👇',
  '{vendor} | {tagline} | We are hiring!',
];

export const STAFF_ROLES: readonly string[] = [
  'SDR',
  'BDR',
  'Growth marketing',
  'Head of Partnerships',
  'Account Executive',
  'Developer Advocate',
  'Founder',
  'Content lead',
];

export const STAFF_BIOS: readonly string[] = [
  '{role} @ {vendor} | {tagline}',
  '{role} at {vendor} 📈 {hobby}',
  '{role}, {vendor}. DMs open for demos',
  'helping teams switch to {vendor} | {role} | {hobby}',
];

export const PARTNERS: Record<Domain, readonly (readonly [string, string])[]> = {
  crm: [
    ['Ascend RevOps', 'HubSpot Platinum partner. We fix messy CRMs.'],
    ['Cloudwise Consulting', 'Salesforce implementation partner. 300+ projects.'],
    ['Pipeline Pros Agency', 'Pipedrive & Zoho experts for small teams.'],
    ['Funnel Doctors', 'RevOps agency: CRM cleanup, lead routing, reporting.'],
    ['Redline RevOps', 'Fractional RevOps for Series A-C SaaS.'],
  ],
  warehouse: [
    ['Cobalt Data Partners', 'Snowflake & dbt consultancy. Migrations, cost audits.'],
    ['Lakeside Analytics', 'Databricks partner. Lakehouse done right.'],
    ['Modelwork', 'Analytics engineering studio. dbt, BigQuery, Looker.'],
    ['Query Doctors', 'Warehouse performance & cost tuning.'],
  ],
  observability: [
    ['Northstar SRE', 'Observability consultancy: Grafana, OTel, Datadog cost reviews.'],
    ['Pagerless', 'We make on-call boring. SRE consulting.'],
    ['Spanworks', 'OpenTelemetry rollouts for platform teams.'],
    ['Alert Fatigue Clinic', 'Fewer pages, better sleep. Monitoring audits.'],
  ],
};

export const RECRUITER_BIOS: Record<Domain, readonly string[]> = {
  crm: [
    'Tech recruiter @ {agency} | Salesforce & RevOps roles across {region} | DM me',
    'Recruiting Salesforce talent since 20{n:12-19} ☁️',
    'Talent partner at {company} | we are growing the sales team',
    'GTM recruiter. RevOps, Sales Ops, CRM admins. {city}',
  ],
  warehouse: [
    'Data & analytics recruiter @ {agency} | {region}',
    'Talent partner at {company} | data team',
    'I place data engineers. Snowflake, dbt, Databricks. DMs open',
    'Technical recruiter | data & AI | {city}',
  ],
  observability: [
    'Platform & SRE recruiter @ {agency} | {region}',
    'Talent partner at {company} | infra team',
    'Recruiting DevOps/SRE since 20{n:12-19}. Honest about on-call.',
    'Tech recruiter | cloud, platform, SRE | {city}',
  ],
};

export const AGENCIES: readonly string[] = [
  'Talentbridge',
  'Hirewell Search',
  'Nexus Talent',
  'Peak Recruiting',
  'Cloudhire',
  'Bluefield Search',
  'Stackhire',
];
export const REGIONS: readonly string[] = [
  'US',
  'UK & Ireland',
  'DACH',
  'EMEA',
  'North America',
  'APAC',
  'the Nordics',
];

export const CONSULTANT_BIOS: Record<Domain, readonly string[]> = {
  crm: [
    'RevOps consultant. I help B2B SaaS teams fix their CRM. Newsletter ⬇️',
    'Independent Salesforce architect, {n:8-20}x certified',
    'Fractional RevOps leader | ex-{bigco} | I write about sales pipeline design',
    'HubSpot nerd. {n:200-600}+ portals audited. Opinions free, audits not.',
  ],
  warehouse: [
    'Fractional Head of Data | dbt + {wh} | ex-{bigco}',
    'Data consultant. I make warehouses cheaper. Newsletter ⬇️',
    'Analytics engineering coach | dbt community | {city}',
    'Independent data architect. Lakehouses, warehouses, and honest advice.',
  ],
  observability: [
    'SRE consultant, ex-{bigco}. I write about on-call and observability.',
    'OpenTelemetry contributor | independent consultant',
    'Helping teams cut observability spend | ex-{bigco} SRE',
    'Principal SRE (indie). SLOs, incident response, fewer pages.',
  ],
};

export const OUTLETS: Record<Domain | 'general', readonly string[]> = {
  crm: ['RevOps Weekly', 'SalesTech Insider', 'Pipeline Post'],
  warehouse: ['The Data Stack Digest', 'Analytics Ledger', 'Warehouse Weekly'],
  observability: ['InfraBeat', 'The On-Call Report', 'Cloud Native Daily'],
  general: ['SaaS Wire', 'TechLedger', 'Enterprise Brief', 'Startup Signal'],
};

export const COMPETITOR_ROLES: readonly string[] = [
  'AE',
  'Enterprise AE',
  'Account Executive',
  'Solutions Engineer',
  'Sales Engineer',
  'Partner Manager',
  'Customer Engineer',
  'Solutions Architect',
];

export const COMPETITOR_BIOS: readonly string[] = [
  '{role} at {employer} | opinions my own',
  '{role} @{employerHandle} | {city}',
  '{employer} {role}. {hobby}',
  '{role}, {employer} | ex-{bigco} | views mine',
];
