/**
 * Consultants and experienced practitioners giving tips: standalone posts and answers posted as replies to
 * how-to questions (the @mention is added when assembled).
 */
import type { Domain } from './types.ts';

export const advicePosts: Record<Domain, readonly string[]> = {
  crm: [
    'If your reps do not update the CRM, the CRM is the problem, not the reps. Fewer fields. Fewer stages. Automate the rest.',
    'Before you switch CRMs, audit your process. I have seen {n:10-30} teams migrate the same mess from {crm} to {crm2}.',
    'RevOps tip: define your pipeline stages by buyer actions, not seller actions. Your forecast will thank you. #RevOps',
    'Lead routing rule of thumb: speed beats precision. Route in under 5 minutes, fix the edge cases later.',
    'CRM migration advice from someone who has done {n:40-90}: migrate {n:2-3} years of data max. Archive the rest.',
    'Hot take: most companies under 30 reps do not need Salesforce. There, I said it.',
    "HubSpot tip: use one 'source of truth' property for lifecycle stage and lock it with a workflow. Saves so many headaches.",
    'Thread 🧵 how to evaluate a CRM in 2 weeks instead of 2 quarters',
    'Dedupe BEFORE you migrate CRMs. Every duplicate you move costs you twice.',
    'Your sales pipeline report is only as good as your stage exit criteria. Write them down. Put them in the CRM.',
    '{n:3-5} questions to ask every CRM vendor before you sign: who owns the data, what does an export look like, what does seat #{n:51-101} cost...',
    'Salesforce admins: document every flow in the description field. Future you (or your replacement) will be grateful.',
    'The best CRM is the one your team opens every morning without being told to. Optimize for that, not features.',
    'Pipedrive tip: use activity-based selling and stop obsessing over deal value until stage 3.',
  ],
  warehouse: [
    'Warehouse cost tip: set auto-suspend to 60s and give every dbt job its own warehouse. You will see exactly who spends what. #Snowflake',
    'Do not pick a data warehouse on benchmarks. Pick it on how your team works and what your BI tool likes.',
    'dbt advice: if your project has more than {n:300-500} models and no exposures, start there.',
    'Before migrating warehouses, tag every query by team for a month. Half your spend is probably {n:3-5} dashboards.',
    'Modern data stack hot take: you probably need fewer tools, not a better warehouse.',
    'BigQuery tip: require partition filters on big tables. It will save you from the one analyst who does SELECT *.',
    'Data warehouse migrations fail on semantics, not SQL. Agree on what "active customer" means before you move a single table.',
    'Redshift tip: if you are still on DC2 nodes, RA3 + concurrency scaling is usually the cheapest fix before you consider a migration.',
    'Thread 🧵 the {n:7-12} dbt packages I install on every new project (and the 2 I stopped using)',
    'A lakehouse is a data warehouse with extra steps unless you have real ML or streaming needs. Be honest about which you have.',
    'Analytics engineering tip: write the dbt tests for the numbers your CEO looks at first. Everything else can wait.',
    'Cost per query is the most useful warehouse metric nobody tracks. Start tracking it this week.',
  ],
  observability: [
    'Observability tip: drop logs you never query at the collector. Most teams can cut ingestion {n:30-50}% in a week. #OpenTelemetry',
    "If an alert doesn't need a human to act within the hour, it shouldn't page. On-call 101.",
    'Instrument with OpenTelemetry first, pick a vendor second. Future you will be grateful.',
    'Datadog cost tip: look at custom metrics tagged by host. That is usually where the money goes.',
    'SLOs > dashboards. If you can do only one thing for your on-call team this quarter, do SLOs. #SRE',
    'Grafana tip: one dashboard per service, one per user journey. Everything else is noise.',
    'Every page should link to a runbook. Every runbook should have an owner. Every owner should be on-call at least once.',
    'Sampling is not a dirty word. Tail-based sampling with OTel keeps the interesting traces and drops {n:80-95}% of the cost.',
    'Postmortem tip: ask "what would have made this obvious in 5 minutes?" The answer is your next observability project.',
    'Thread 🧵 how we cut our Splunk bill {n:40-60}% without losing a single dashboard',
    'Structured logs with a trace_id are worth more than any observability vendor feature. Do that first.',
    'Prometheus tip: never put unbounded values (user ids, emails, request ids) in labels. Ever.',
  ],
};

/** Answers to how-to questions, posted as replies under a question whose text matches `topic`. */
export interface Answer {
  topic: RegExp;
  text: string;
}

const a = (topic: RegExp, text: string): Answer => ({ topic, text });

export const adviceReplies: Record<Domain, readonly Answer[]> = {
  crm: [
    a(
      /dedupe|duplicate/i,
      "HubSpot's built-in duplicate tool is under Contacts > Actions. Then a workflow to flag new dupes by email domain",
    ),
    a(
      /required|closed-won/i,
      'a validation rule on StageName in Salesforce is way simpler than a flow for this. happy to share the formula',
    ),
    a(
      /renewals/i,
      'separate pipelines for renewals in the CRM, trust me. different stages, different owners, cleaner forecast',
    ),
    a(
      /round-robin/i,
      'use a round-robin rotation property + workflow in HubSpot, works fine on Pro if you keep it simple',
    ),
    a(/owners/i, 'Data Loader or Salesforce Inspector both do bulk owner changes without the CSV pain'),
    a(
      /different email|dedupe/i,
      'we solved this with a matching rule on normalized email + company domain in {crm}. cut dupes by ~80%',
    ),
    a(
      /claim the account/i,
      'rule we use: the rep who last had a meeting owns the account. lead routing settles the rest automatically',
    ),
    a(
      /two sales pipelines/i,
      'Pipedrive lets you have multiple pipelines per team, just set visibility groups per pipeline',
    ),
    a(
      /calendar/i,
      'HubSpot syncs tasks to Google Calendar one way natively. two-way needs a workflow + Zapier, but it holds up',
    ),
    a(
      /linkedin/i,
      'Sales Navigator has a native integration for Salesforce and HubSpot that logs InMails. everything else is a Chrome extension',
    ),
    a(
      /lifecycle/i,
      'something is clearing the property. check forms and "set property" workflows in HubSpot, lifecycle only moves back if cleared',
    ),
    a(
      /coverage/i,
      'snapshot open pipeline in the CRM on day 1 of the quarter, divide by quota, never recalc mid-quarter. slipped deals count next quarter',
    ),
    a(
      /record type/i,
      'record type = which process and picklist values. page layout = which fields you see. Salesforce docs explain it well',
    ),
    a(
      /rollup/i,
      'formula field on the child + a summary report is the easy route in Zoho CRM. a custom function if you need it on the record',
    ),
    a(
      /merge two HubSpot/i,
      'not natively. export/import with a HubSpot migration partner, and dedupe before, not after',
    ),
    a(
      /cert/i,
      'Salesforce admin cert: sharing rules vs profiles vs permission sets is where most people lose points. drill those',
    ),
  ],
  warehouse: [
    a(
      /credits|2am/i,
      'query_history + warehouse_metering_history in Snowflake, group by user and query tag. takes 10 minutes to set up',
    ),
    a(
      /late-arriving/i,
      'we use a lookback window on the incremental dbt model (3 days) + a weekly full refresh. boring but works',
    ),
    a(/partition/i, 'partition by date, cluster by customer_id. BigQuery handles the rest pretty well'),
    a(
      /\bCI\b/i,
      'dbt slim CI with state:modified+ and a small sampled dataset. way cheaper than a full prod clone',
    ),
    a(
      /naming convention/i,
      'raw / staging / intermediate / marts. and one sandbox schema per team in the warehouse. never build prod on sandboxes',
    ),
    a(
      /MergeTree/i,
      'ReplacingMergeTree + FINAL for small tables, otherwise dedupe at query time. ClickHouse docs cover it well',
    ),
    a(
      /PII/i,
      'masking policies on the PII columns in the warehouse + a separate role for the 3 people who need raw. dbt tags help track it',
    ),
    a(
      /XS vs S/i,
      'bigger Snowflake warehouse usually finishes cheaper for dbt if the models are parallel. test it for a week and compare credits',
    ),
    a(
      /Google Sheets/i,
      'Fivetran and Airbyte both have a Sheets connector. on GCP a BigQuery external table over the sheet is free',
    ),
    a(
      /vacuum/i,
      'Redshift: VACUUM DELETE ONLY off-hours, good sort keys, and auto vacuum handles most of it these days',
    ),
    a(
      /notebooks/i,
      'Databricks SQL warehouse for BI, notebooks for exploration and ML. never point a dashboard at a notebook',
    ),
    a(
      /SCD2|snapshots/i,
      'dbt snapshots are fine until the table is huge. after that we write SCD2 as incremental models by hand',
    ),
    a(
      /document/i,
      'dbt docs + exposures, and a link to the model in every dashboard footer. people read docs they trip over',
    ),
    a(
      /lakehouse/i,
      'lakehouse = open table formats on object storage with warehouse features on top. in practice the line is blurry',
    ),
    a(
      /Learning SQL/i,
      'Postgres locally to learn SQL properly, then the BigQuery sandbox once you want warehouse-scale data',
    ),
  ],
  observability: [
    a(
      /health check/i,
      'exclusion filters on the log pipeline in Datadog, before indexing. saved us ~{n:20-40}% right away',
    ),
    a(
      /cardinality/i,
      'a topk(10, count by (__name__) ...) query in Prometheus will show you the worst offenders fast',
    ),
    a(
      /tail-based/i,
      'tail sampling works fine at our scale (~{n:20-80}k spans/s) with a separate otel collector tier. load-balancing exporter is key',
    ),
    a(
      /thresholds|alerting/i,
      'alert on symptoms (error rate, latency SLO burn) not causes. and page only for the fast burn. on-call will thank you',
    ),
    a(/rotation/i, 'we do weekly on-call with a secondary, plus a "quiet week" after. team of 5, works ok'),
    a(
      /Go service/i,
      'OTel Go SDK + OTLP exporter straight to New Relic works, no agent needed. docs are decent now',
    ),
    a(
      /correlate|Tempo/i,
      'derived fields in Loki that link trace_id to Tempo. Grafana makes the correlation one click',
    ),
    a(
      /dropping spans/i,
      'batch processor send_batch_size ~8192 and a memory_limiter in front. the otel collector stops dropping spans',
    ),
    a(
      /indexes/i,
      'Splunk: index=a OR index=b, then normalise _time with eval. the timezone is a per-user setting, check yours',
    ),
    a(
      /queue consumer/i,
      'one Honeycomb event per message processed, with queue name, lag and retry count as fields. then BubbleUp does the rest',
    ),
    a(
      /batch job/i,
      'SLO for a batch job = % of runs that finish before the deadline. page on-call only on the miss, not on slowness',
    ),
    a(
      /recording rules/i,
      'recording rules for anything a Grafana dashboard hits every 30s. raw queries for ad-hoc stuff',
    ),
    a(
      /runbooks/i,
      'keep runbooks next to the alert definitions in the repo. on-call reviews them in the PR, so they stay honest',
    ),
    a(
      /auto-instrumentation/i,
      'OTel Python auto-instrumentation is fine for Flask/Django in prod. pin versions and watch the overhead',
    ),
    a(
      /one trace/i,
      'Datadog: check the trace headers survive your proxy/load balancer. nine times out of ten something strips them',
    ),
    a(
      /monitoring and observability/i,
      'monitoring tells you something is wrong; observability lets you ask why without shipping new code',
    ),
  ],
};
