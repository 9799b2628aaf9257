/**
 * Posts by employees of competing (incumbent) vendors. Each entry names the employer so the author's bio
 * can say "AE at Salesforce" etc. Not leads.
 */
import type { Domain } from './types.ts';

export interface CompetitorPost {
  employer: string;
  text: string;
}

const p = (employer: string, text: string): CompetitorPost => ({ employer, text });

export const competitorPosts: Record<Domain, readonly CompetitorPost[]> = {
  crm: [
    p(
      'Salesforce',
      "Proud to be part of the team behind Sales Cloud. If you're evaluating a CRM this quarter, my DMs are open 🙂",
    ),
    p(
      'HubSpot',
      'Best part of being an AE at HubSpot: watching a 5-person startup grow into a {n:40-80}-person sales team on our CRM.',
    ),
    p(
      'Salesforce',
      'Just closed my biggest deal of the year 🎉 Grateful to every customer who trusts Salesforce with their pipeline.',
    ),
    p(
      'Pipedrive',
      'If you are stuck on an old CRM contract, talk to me. We run migration programs at Pipedrive for exactly that.',
    ),
    p(
      'HubSpot',
      'Day in the life of a Solutions Engineer at HubSpot: {n:3-5} demos, 2 POCs, 1 very long CRM data import.',
    ),
    p(
      'Salesforce',
      'Dreamforce sessions are on demand now. Happy to point RevOps folks at the good ones. #Salesforce',
    ),
    p(
      'Zoho',
      'Small business owners: Zoho CRM has a free edition for up to 3 users. I work here, so, biased, but it is real.',
    ),
    p(
      'HubSpot',
      'Q4 at HubSpot is a sprint. If you have been meaning to look at our Sales Hub, this is a great month to talk to me 😉',
    ),
    p(
      'Salesforce',
      'Hiring AEs on my team at Salesforce in {city}! Come sell the #1 CRM with some genuinely great people.',
    ),
    p(
      'Pipedrive',
      "New Pipedrive feature drop today and I'm way too excited about sales pipeline forecasting. Demo in thread 👇",
    ),
    p(
      'Salesforce',
      'Spent the week with customers in {city}. The ones winning with Salesforce all have one thing in common: an admin who says no.',
    ),
    p(
      'HubSpot',
      'Partner manager @ HubSpot here: if you run a RevOps agency and want to join the partner program, DM me.',
    ),
    p(
      'Salesforce',
      'Spent the morning with a {n:20-60}-rep team that just went live on Sales Cloud. Their CRM admin is my hero.',
    ),
    p(
      'HubSpot',
      'HubSpot CRM tip from someone who demos it daily: turn on deal stage probabilities before you build a single report.',
    ),
    p(
      'Pipedrive',
      'Pipedrive AE here: the number one reason teams pick us over bigger CRMs is that reps actually like using it. Biased but true.',
    ),
  ],
  warehouse: [
    p(
      'Snowflake',
      'Sales engineer at Snowflake here ❄️ if you are evaluating warehouses, happy to help you benchmark fairly.',
    ),
    p(
      'Google Cloud',
      'Loved meeting so many data teams at our BigQuery roadshow in {city} this week. If you missed it, DM me.',
    ),
    p(
      'Databricks',
      'Working at Databricks means I see lakehouse migrations every week. Biggest lesson: start with governance.',
    ),
    p(
      'Snowflake',
      'My team at Snowflake is hiring solutions architects in {city}. Come help customers build their data warehouse.',
    ),
    p(
      'Databricks',
      'Closed my first {n:6-7}-figure Databricks deal 🥹 thankful for a customer who bet on the lakehouse early.',
    ),
    p(
      'Snowflake',
      'If your Snowflake bill surprised you, ping me before you churn. Most cost issues are config. (I work here, yes.)',
    ),
    p(
      'AWS',
      'Redshift account manager here: we have migration credits for teams moving analytics to AWS. Ask me how.',
    ),
    p(
      'ClickHouse',
      'ClickHouse Cloud SE here. If your dashboards take more than a second, let me show you something.',
    ),
    p(
      'Google Cloud',
      'BigQuery customer engineer here. Free architecture reviews for startups this month, DMs open.',
    ),
    p(
      'Databricks',
      'Data + AI Summit talks are all online now. Happy to recommend the best warehouse-focused sessions.',
    ),
    p(
      'Snowflake',
      'Snowflake SE life: {n:3-5} cost reviews this week, every single one found an idle warehouse running all weekend.',
    ),
    p(
      'Databricks',
      'Databricks solutions architect here. Lakehouse migrations are 20% tech and 80% getting teams to agree on definitions.',
    ),
    p(
      'Google Cloud',
      'Google Cloud customer engineer: BigQuery editions pricing is confusing, happy to walk anyone through it. DMs open.',
    ),
  ],
  observability: [
    p(
      'Datadog',
      'AE at Datadog: if your observability bill scares you, let me show you the cost controls most teams never turn on.',
    ),
    p(
      'New Relic',
      'New Relic SE here: the free tier includes full-platform users now. Come try it and tell me what breaks.',
    ),
    p(
      'Grafana Labs',
      'Our Grafana Labs roadshow hits {city} next week! Come talk observability with the team.',
    ),
    p(
      'Splunk',
      'Solutions architect at Splunk. If you are mid-renewal and worried, talk to us before you decide. Lots of flexibility.',
    ),
    p(
      'Datadog',
      'Proud of the team: Datadog launched {n:3-6} new features at our summit today. My favourite is the cost explorer.',
    ),
    p(
      'Honeycomb',
      'I work at Honeycomb and I will happily debug your slowest endpoint live with you. High-cardinality data is fun.',
    ),
    p(
      'Datadog',
      'Enterprise AE, Datadog. If you are consolidating monitoring tools in 2027, I would love a 20-minute chat.',
    ),
    p(
      'Grafana Labs',
      'Grafana Cloud free tier is genuinely generous (I work here, but it is). Great for small on-call teams.',
    ),
    p(
      'New Relic',
      'Observability pricing should be simple. That is the pitch I get to make every day at New Relic and I believe it.',
    ),
    p(
      'Dynatrace',
      'Dynatrace SE here. Ask me anything about moving from Splunk APM or Datadog, I have seen a few dozen.',
    ),
    p(
      'Datadog',
      'Sales engineer at Datadog: watched a customer cut MTTR in half this quarter just by linking logs and traces. Love this job.',
    ),
    p('Splunk', 'Splunk SE here: Observability Cloud has a free trial that includes APM, ask me anything.'),
    p(
      'New Relic',
      'New Relic AE: {n:3-5} customer calls today, all about OpenTelemetry. The future is vendor-neutral and that is fine by us.',
    ),
  ],
};

/** Competitor employees replying under buying signals. */
export const competitorReplies: Record<Domain, readonly CompetitorPost[]> = {
  crm: [
    p(
      'Salesforce',
      '(I work at Salesforce, bias disclosed) happy to connect you with a customer who made the same CRM move',
    ),
    p(
      'HubSpot',
      'HubSpot AE here. Would love to show you what the Sales Hub CRM looks like today, a lot has changed',
    ),
    p('Pipedrive', 'Pipedrive team here 👋 migration from your current CRM is free for teams your size'),
  ],
  warehouse: [
    p(
      'Snowflake',
      'Snowflake SE here: happy to run a free cost review before you decide anything about the warehouse',
    ),
    p('Databricks', 'Databricks AE here, would love to include the lakehouse in your evaluation'),
  ],
  observability: [
    p(
      'Datadog',
      'Datadog AE here: a lot of teams cut the bill 30%+ with the new cost controls before switching. happy to walk through it',
    ),
    p('Grafana Labs', 'Grafana Labs here 👋 happy to set up a Grafana Cloud trial with migration help'),
  ],
};
