/**
 * The three demo campaigns. Queries are written the way a marketing-ops person would write them for X
 * recent search: broad keyword ORs, a language filter where the team only sells in some markets, and a
 * couple of negative terms. They deliberately do NOT exclude retweets: the pipeline has to cope with them.
 */
import type { Campaign } from './types.ts';

const OWNER = 'marketing-ops@example.com';

export const CAMPAIGNS: readonly Campaign[] = [
  {
    id: 'crm-switchers',
    source: 'x',
    name: 'CRM switchers (EN + DACH)',
    product: 'Pipeline CRM',
    query:
      '(crm OR hubspot OR salesforce OR pipedrive OR zoho OR "sales pipeline" OR "lead routing" OR #revops OR #salesops) ' +
      '(lang:en OR lang:de) -giveaway -airdrop',
    cadenceMinutes: 15,
    active: true,
    owner: OWNER,
  },
  {
    id: 'warehouse-evaluators',
    source: 'x',
    name: 'Data warehouse evaluators (EN, FR, ES)',
    product: 'Lakefront Warehouse',
    query:
      '(warehouse OR "data warehouse" OR snowflake OR bigquery OR redshift OR databricks OR clickhouse OR dbt ' +
      'OR lakehouse OR "modern data stack" OR #dataengineering) (lang:en OR lang:fr OR lang:es) -giveaway -nft',
    cadenceMinutes: 15,
    active: true,
    owner: OWNER,
  },
  {
    id: 'observability-buyers',
    source: 'x',
    name: 'Observability buyers (all languages)',
    product: 'Lighthouse Observability',
    query:
      '(observability OR datadog OR "new relic" OR grafana OR splunk OR honeycomb OR opentelemetry OR otel ' +
      'OR prometheus OR "on-call" OR #sre) -giveaway -hiring',
    cadenceMinutes: 15,
    active: true,
    owner: OWNER,
  },
];
