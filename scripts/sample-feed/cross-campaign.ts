/**
 * Posts that legitimately belong to two campaigns: CRM data landing in the warehouse, observability for
 * data pipelines, monitoring CRM integrations. The first domain decides the author's persona.
 */
import type { Domain, Kind } from './types.ts';

export interface CrossPost {
  domains: readonly [Domain, Domain];
  kind: Kind;
  text: string;
}

const CW = ['crm', 'warehouse'] as const;
const WC = ['warehouse', 'crm'] as const;
const WO = ['warehouse', 'observability'] as const;
const OW = ['observability', 'warehouse'] as const;
const CO = ['crm', 'observability'] as const;
const OC = ['observability', 'crm'] as const;

const x = (domains: readonly [Domain, Domain], kind: Kind, text: string): CrossPost => ({
  domains,
  kind,
  text,
});

export const crossPosts: readonly CrossPost[] = [
  // CRM x warehouse
  x(
    CW,
    'buying_signal',
    'We want {crm} data in {wh} so finance stops asking sales for exports. Also open to a new CRM if that is easier. Recs?',
  ),
  x(
    CW,
    'buying_signal',
    'Rebuilding our revenue stack {when}: new CRM and a proper data warehouse. Anyone done both at once? Recs welcome.',
  ),
  x(
    CW,
    'buying_signal',
    'Need a CRM that syncs cleanly into Snowflake. {crm} + Fivetran is costing us a fortune. Suggestions?',
  ),
  x(
    WC,
    'buying_signal',
    'Head of Data here: evaluating warehouses and the #1 requirement is a native {crm} connector. Who does this well?',
  ),
  x(
    CW,
    'buying_signal',
    'Looking for a CRM with a real BigQuery export. Our {crm} sync breaks weekly and I am done. Demos welcome.',
  ),
  x(
    WC,
    'buying_signal',
    'Shopping for a warehouse + reverse ETL combo to push product usage into HubSpot. Budget approved, who should we talk to?',
  ),
  x(
    CW,
    'soft_signal',
    'spent the day reconciling {crm} pipeline numbers with the warehouse. they never match.',
  ),
  x(
    WC,
    'soft_signal',
    'the Salesforce connector into {wh} failed again and now the board deck numbers are from Tuesday',
  ),
  x(
    CW,
    'soft_signal',
    'RevOps and the data team have two different sales pipeline numbers: one from {crm}, one from dbt. guess which one the CEO trusts',
  ),
  x(CW, 'howto_question', 'how do I sync Salesforce opportunities into BigQuery hourly without Fivetran?'),
  x(WC, 'howto_question', 'Best way to model HubSpot deal stage history in dbt?'),
  x(WC, 'howto_question', 'Anyone pushing lead scores from Snowflake back into {crm}? What tool do you use?'),
  x(
    WC,
    'job_post',
    'Hiring an analytics engineer: dbt, Snowflake, and lots of Salesforce data. Remote. {tco}',
  ),
  x(
    CW,
    'job_post',
    'RevOps Analyst role: HubSpot admin + SQL on our BigQuery warehouse. {city} or remote. {tco}',
  ),
  x(
    WC,
    'vendor_promo',
    'Reverse ETL: push product usage from your warehouse into {crm} in minutes. Free tier {tco}',
  ),
  x(
    WC,
    'vendor_promo',
    '{whVendor} now ships native Salesforce and HubSpot connectors. Your CRM data in the warehouse, no pipelines to babysit {tco}',
  ),
  x(
    CW,
    'vendor_promo',
    '{crmVendor} syncs every CRM object to Snowflake, BigQuery or Redshift every 5 minutes. Included in every plan {tco}',
  ),
  x(
    CW,
    'advice_giving',
    'Do not report pipeline from your CRM AND your warehouse. Pick one source of truth. (It should be the warehouse.)',
  ),
  x(
    WC,
    'advice_giving',
    'Tip: snapshot your {crm} opportunities daily into the warehouse. Pipeline history you did not keep is history you cannot analyze.',
  ),
  x(WC, 'news', '{whVendor} launches native Salesforce and HubSpot connectors for its data warehouse {tco}'),
  x(
    CW,
    'happy_customer',
    'Finally have HubSpot data in BigQuery with dbt on top. RevOps and data agree on the numbers for the first time 🎉',
  ),
  // warehouse x observability
  x(
    OW,
    'buying_signal',
    'Our Datadog bill and our Snowflake bill are neck and neck. Looking for observability that can store logs in our own warehouse. Anyone?',
  ),
  x(
    WO,
    'buying_signal',
    'Evaluating observability for our data platform: dbt runs, Airflow, {wh}. Who does data pipeline observability well?',
  ),
  x(
    OW,
    'buying_signal',
    'Considering ClickHouse as the backend for our logs instead of {obs}. Anyone running observability on a warehouse in prod?',
  ),
  x(
    WO,
    'buying_signal',
    'Need monitoring for {wh} costs and query latency with alerts in Grafana. Is there a product for this or do we build it?',
  ),
  x(
    WO,
    'soft_signal',
    'got paged at 2am because a dbt job on {wh} hung. on-call for data pipelines is a special kind of fun',
  ),
  x(
    OW,
    'soft_signal',
    'our observability data is now the biggest table in the warehouse. I do not know how to feel about that',
  ),
  x(WO, 'howto_question', 'How do you monitor Snowflake query performance in Grafana?'),
  x(WO, 'howto_question', 'anyone sending dbt run metrics to Datadog? what is the setup'),
  x(OW, 'howto_question', 'How do you export OpenTelemetry traces to BigQuery for long-term analysis?'),
  x(
    OW,
    'vendor_promo',
    'Send your OpenTelemetry logs straight to ClickHouse. 10x cheaper than traditional observability. {tco}',
  ),
  x(
    WO,
    'vendor_promo',
    'Data observability for Snowflake, BigQuery and Databricks: alerts in Slack, PagerDuty or Grafana. Free trial {tco}',
  ),
  x(OW, 'job_post', 'Data platform SRE: Databricks, Prometheus, on-call 1 week in 6. Remote EU. {tco}'),
  x(
    OW,
    'advice_giving',
    'Store logs in your warehouse, keep metrics in Prometheus. That is the cheapest observability architecture I know.',
  ),
  x(OW, 'news', '{obsVendor} adds BigQuery and Snowflake as storage backends for observability data {tco}'),
  // CRM x observability
  x(
    CO,
    'buying_signal',
    'Our {crm} integrations fail silently and we find out from angry reps. Need observability for our CRM syncs. Anyone solved this?',
  ),
  x(
    OC,
    'buying_signal',
    'Looking for an APM that understands Salesforce API limits. Our Datadog setup cannot see any of it. Recs?',
  ),
  x(
    OC,
    'soft_signal',
    'on-call got paged because the Salesforce API hit its daily limit. again. not even our code.',
  ),
  x(
    CO,
    'soft_signal',
    'lead routing silently broke for {n:6-20} hours and no alert fired. our CRM has zero observability',
  ),
  x(OC, 'howto_question', 'how do I get HubSpot webhook failures into Grafana alerts?'),
  x(
    CO,
    'vendor_promo',
    'Monitor your Salesforce org like production: API limits, flows and errors in one observability dashboard. {tco}',
  ),
  x(
    OC,
    'advice_giving',
    'If your revenue depends on Salesforce, treat it like prod: SLOs, alerts, on-call. Yes, really.',
  ),
  x(
    OC,
    'news',
    '{crm} API outage lasts {n:2-4} hours; SRE teams report knock-on alerts across Datadog and Grafana dashboards {tco}',
  ),
  x(
    CW,
    'happy_customer',
    'Salesforce to Snowflake sync running every 15 min now. Pipeline reporting in {bi} finally matches the CRM. Small miracle.',
  ),
  x(
    WC,
    'happy_customer',
    'Our dbt models on HubSpot data finally give sales and finance the same number. Warehouse project: complete 🎉',
  ),
  x(
    CW,
    'buying_signal',
    'Evaluating CRMs and warehouse-friendly data access is a must. Which CRM has the cleanest Snowflake/BigQuery integration?',
  ),
  x(
    WC,
    'howto_question',
    'How do you dedupe Salesforce accounts in the warehouse before syncing back to the CRM?',
  ),
  x(
    CW,
    'soft_signal',
    'spent 3 days debugging why the CRM says {n:140-220} open deals and the warehouse says {n:90-139}. it was a timezone.',
  ),
  x(
    WC,
    'job_post',
    'Looking for an analytics engineer who speaks both RevOps and dbt: HubSpot data, Snowflake, Looker. {tco}',
  ),
  x(
    CW,
    'vendor_promo',
    'Your CRM data, modelled and ready in BigQuery in 10 minutes. Free dbt package for Salesforce and HubSpot {tco}',
  ),
  x(
    WC,
    'news',
    '{whVendor} and {crmVendor} announce zero-copy data sharing for CRM data in the warehouse {tco}',
  ),
  x(
    WO,
    'happy_customer',
    'Piped our dbt run results into Grafana. Now the data team gets paged before the CEO notices stale dashboards 🙌',
  ),
  x(
    OW,
    'soft_signal',
    'our logs bill ({obs}) and our warehouse bill ({wh}) went up the same month. finance thinks I am running a crypto miner',
  ),
  x(
    WO,
    'advice_giving',
    'Treat your dbt pipelines like services: freshness SLOs, alerts in the on-call rotation, runbooks. Data observability is just observability.',
  ),
  x(
    OW,
    'howto_question',
    'Anyone storing OpenTelemetry traces in ClickHouse long term? How big does it get?',
  ),
  x(
    WO,
    'buying_signal',
    'Need observability for our Airflow + {wh} pipelines. Datadog is too expensive for this. What do data teams use?',
  ),
  x(
    CO,
    'howto_question',
    'how do you monitor Salesforce API usage in Datadog before you hit the daily limit?',
  ),
  x(
    OC,
    'vendor_promo',
    'New integration: send HubSpot and Salesforce webhook failures to {obsVendor} and page the right owner {tco}',
  ),
  x(
    CO,
    'happy_customer',
    'Added Grafana alerts on our CRM sync jobs. First time RevOps heard about a failure from a dashboard instead of a rep.',
  ),
  x(OC, 'job_post', 'SRE for our revenue systems: Salesforce integrations, Kafka, Prometheus. Remote. {tco}'),
];
