/**
 * Named slots used by the hand-written templates: `{crm}` etc. Each slot is a pool of values with weights.
 * A slot name ending in `2` (e.g. `{crm2}`) draws from the same pool but never repeats `{crm}` in the same
 * text. See text-style.ts for the template syntax.
 */

import { NAMED_COMPANIES } from './companies.ts';

type Pool = readonly (readonly [string, number])[];

const even = (...items: string[]): Pool => items.map((s) => [s, 1] as const);

export const SLOTS: Record<string, Pool> = {
  // --- CRM --------------------------------------------------------------------------------------
  /** Incumbents named in the CRM campaign query. */
  crm: [
    ['Salesforce', 4],
    ['HubSpot', 4],
    ['Pipedrive', 2],
    ['Zoho', 1],
  ],
  /** Any CRM, including ones the query does not name. */
  crmx: [
    ['Salesforce', 4],
    ['HubSpot', 4],
    ['Pipedrive', 2],
    ['Zoho', 1],
    ['Close', 1],
    ['Attio', 1],
    ['Copper', 1],
    ['Freshsales', 1],
    ['monday CRM', 1],
    ['Dynamics 365', 1],
    ['Insightly', 0.5],
    ['Nutshell', 0.5],
    ['folk', 0.5],
    ['Capsule', 0.5],
  ],
  salesTool: even(
    'Outreach',
    'Salesloft',
    'Apollo',
    'Gong',
    'Clari',
    'ZoomInfo',
    'Clay',
    'Chili Piper',
    'LeanData',
  ),
  crmVendor: even('Dealbase', 'Closewise', 'Leadloop', 'Revvly', 'Funnelcraft', 'Quotewell', 'Accountly'),
  crmPain: even(
    'duplicate contacts',
    'lead routing',
    'forecasting',
    'reporting',
    'email sync',
    'per-seat pricing',
    'admin overhead',
    'custom objects',
    'territory management',
    'pipeline hygiene',
    'activity logging',
    'deal stages nobody follows',
  ),
  salesRole: even('AE', 'SDR', 'BDR', 'sales manager', 'CSM', 'account manager'),

  // --- Warehouse ----------------------------------------------------------------------------------
  /** Warehouses named in the warehouse campaign query. */
  wh: [
    ['Snowflake', 4],
    ['BigQuery', 4],
    ['Redshift', 3],
    ['Databricks', 3],
    ['ClickHouse', 1],
  ],
  whx: [
    ['Snowflake', 4],
    ['BigQuery', 4],
    ['Redshift', 3],
    ['Databricks', 3],
    ['ClickHouse', 1],
    ['Postgres', 2],
    ['Synapse', 1],
    ['Firebolt', 0.5],
    ['MotherDuck', 0.5],
    ['Teradata', 0.5],
    ['Trino', 0.5],
  ],
  dataTool: even(
    'dbt',
    'Fivetran',
    'Airbyte',
    'Airflow',
    'Dagster',
    'Census',
    'Hightouch',
    'Monte Carlo',
    'Stitch',
  ),
  bi: even('Looker', 'Tableau', 'Power BI', 'Metabase', 'Mode', 'Hex', 'Sigma', 'Superset'),
  whVendor: even('Quarrydb', 'Stratus', 'Columnly', 'Tablewise', 'Shoreline Data', 'Ledgerbase'),
  dataRole: even('analytics engineer', 'data engineer', 'data analyst', 'BI developer', 'analytics lead'),

  // --- Observability --------------------------------------------------------------------------------
  /** Tools named in the observability campaign query. */
  obs: [
    ['Datadog', 5],
    ['New Relic', 3],
    ['Grafana', 3],
    ['Splunk', 2],
    ['Honeycomb', 1],
  ],
  obsx: [
    ['Datadog', 5],
    ['New Relic', 3],
    ['Grafana', 3],
    ['Splunk', 2],
    ['Honeycomb', 1],
    ['Dynatrace', 1],
    ['Elastic', 1],
    ['Sentry', 1],
    ['Chronosphere', 0.5],
    ['SigNoz', 0.5],
    ['Coralogix', 0.5],
    ['Sumo Logic', 0.5],
  ],
  pager: even('PagerDuty', 'Opsgenie', 'incident.io', 'Rootly', 'FireHydrant'),
  infra: even('k8s', 'EKS', 'GKE', 'ECS', 'Lambda', 'Kafka', 'a pile of EC2', 'Nomad', 'Cloud Run'),
  obsVendor: even('Tracely', 'Signalfox', 'Logpile', 'Spanwise', 'Uptimely', 'Pagewell'),
  opsRole: even('SRE', 'platform engineer', 'DevOps engineer', 'backend engineer', 'infra engineer'),

  // --- shared ---------------------------------------------------------------------------------------
  company: NAMED_COMPANIES.map((c) => [c, 1] as const),
  biz: even(
    'a 60-person B2B SaaS',
    'a logistics startup',
    'a fintech',
    'a healthtech scaleup',
    'a 30-person agency',
    'a marketplace',
    'an edtech company',
    'a cybersecurity startup',
    'a manufacturing company',
    'a D2C brand',
    'a 200-person insurtech',
    'a seed-stage devtools startup',
    'a property management company',
    'a staffing firm',
  ),
  stage: even('seed', 'Series A', 'Series B', 'Series C', 'bootstrapped', 'PE-backed'),
  when: even(
    'by end of year',
    'in Q1',
    'before January',
    'this quarter',
    'before our renewal in February',
    'in the next 60 days',
    'early next year',
    'by March',
  ),
  month: even('December', 'January', 'February', 'March', 'April'),
  weekday: even('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'),
  city: even(
    'Austin',
    'London',
    'Berlin',
    'Toronto',
    'Chicago',
    'Denver',
    'Dublin',
    'Amsterdam',
    'NYC',
    'Atlanta',
    'Lisbon',
    'Sydney',
    'Bangalore',
    'Seattle',
  ),
  pain: even('😩', '🙃', '💀', '😤', '🫠', '😭', '🤦', '🤡', '😮‍💨'),
  yay: even('🎉', '🙌', '🚀', '❤️', '🔥', '✨', '😍', '💪', '🥳'),
  hmm: even('🤔', '👀', '🙏', '🧐'),
  point: even('👉', '👇', '➡️', '📅', '⚡', '🎯', '📈', '✅'),
};
