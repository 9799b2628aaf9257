/** People looking for work: #OpenToWork posts, freelancers announcing availability, new grads. */
import type { Domain } from './types.ts';

export const jobSeekerPosts: Record<Domain, readonly string[]> = {
  crm: [
    'Open to work! {n:3-9} yrs HubSpot experience, certified in Sales Hub + Marketing Hub. Remote or {city}. #OpenToWork',
    'After {n:4-8} great years at {company} I am looking for my next RevOps role. Salesforce admin, CPQ, lead routing. DMs open #OpenToWork',
    'Laid off this week 💔 Salesforce admin (Admin + Platform App Builder certs). Referrals hugely appreciated.',
    'Looking for freelance CRM projects: HubSpot setups, migrations from {crm!HubSpot}, cleanup. {n:50-200}+ portals done.',
    'New grad, just passed my Salesforce Administrator cert! Looking for junior admin roles in {city} 🙏',
    '#OpenToWork: sales ops analyst, {n:2-6} yrs in {crm} and {salesTool}, SQL-curious. Happy to relocate.',
    'Pipedrive & Zoho CRM consultant with availability from {month}. Small businesses especially welcome.',
    'Any RevOps leaders need a CRM admin with {n:5-10} yrs experience? I am available and I love dedupe work (really).',
    'Career switcher: {n:6-12} years in retail management, now a certified HubSpot admin. Looking for my first CRM role 🙏',
    'My role was eliminated today. Marketing ops, {n:4-8} yrs, HubSpot + Salesforce, lead scoring nerd. Open to work.',
    'Taking on {n:1-2} new clients in {month}: Salesforce cleanup, reporting, lead routing. Reply or DM.',
    'Fractional RevOps available! {crm} audits, sales pipeline design, forecasting. {n:8-15} yrs in B2B SaaS.',
  ],
  warehouse: [
    '#OpenToWork: data engineer, {n:3-8} yrs, {wh} + dbt + Airflow. Remote preferred.',
    'Laid off from {company} along with most of the data team. Analytics engineer, dbt + {wh} + {bi}. Referrals appreciated 🙏',
    'Looking for my next role as a Head of Data. Built a data warehouse from zero twice. DMs open.',
    'Freelance dbt + Snowflake availability from {month}. Migrations, cost audits, model cleanup.',
    'Bootcamp grad: SQL, Python, BigQuery. Looking for junior data analyst roles. #OpenToWork #dataengineering',
    'Databricks certified data engineer open to new opportunities in {city} or remote. Let us connect!',
    'Contract ended, available immediately: Redshift/Snowflake migrations, {n:6-12} yrs in data warehousing.',
    'Hi data twitter 👋 I am a {dataRole} with {n:2-6} yrs of dbt + {wh}. Looking for my next team. RTs appreciated',
    'PhD done, leaving academia for industry. Strong SQL, some dbt, learning {wh}. Any advice or leads welcome.',
    'Open to analytics engineering roles. I like tidy dbt projects, documented warehouses and honest stakeholders.',
    'Available for short data warehouse projects from {month}: dbt refactors, cost tuning, {bi} dashboards.',
  ],
  observability: [
    '#OpenToWork SRE with {n:4-10} yrs: Kubernetes, Prometheus/Grafana, on-call veteran. Remote EU/US.',
    'My contract ends in {month}. Observability engineer: OpenTelemetry, Datadog, Honeycomb. Open to roles!',
    'Looking for my next platform/SRE role. Built on-call from scratch at {company}. DMs open #SRE',
    'Laid off today. DevOps engineer, {n:3-7} yrs, AWS + Grafana stack + Terraform. Any leads appreciated 🙏',
    'Splunk certified admin available for contract work from {month}.',
    'Recent grad, CKA certified, homelab with Prometheus + Grafana + Loki. Looking for junior SRE roles 🙏',
    'Open to work: {opsRole}, {n:5-12} yrs, migrated {n:100-400} services to OpenTelemetry at my last job.',
    'Freelance observability consulting available from {month}: New Relic/Datadog cost reviews, OTel rollouts.',
    'Ex-{company} SRE looking for a team with a healthy on-call culture. Yes I will ask about it in the interview.',
    'Back on the market. Staff SRE, Prometheus maintainer-adjacent, happy to talk to anyone building observability tooling.',
  ],
};
