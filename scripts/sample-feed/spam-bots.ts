/**
 * Bot spam: a handful of scripts that several throwaway accounts post again and again with tiny variations
 * (different short link, emoji, hashtag order). Labelled spam_duplicate.
 */
import type { Domain } from './types.ts';

export interface SpamScript {
  domain: Domain;
  template: string;
}

export const spamScripts: readonly SpamScript[] = [
  {
    domain: 'crm',
    template: '{🔥🔥|🔥|💥💥} FREE CRM templates that 10x your sales!! {👉|➡️} {tco} #CRM #sales #marketing',
  },
  {
    domain: 'crm',
    template:
      'Make $$$ from home with Salesforce skills!! No experience needed DM me now {💰💰|💰💰💰|🤑} {tco}',
  },
  {
    domain: 'crm',
    template:
      'Buy verified B2B leads database {100k|150k|200k} contacts $49 only!!! Import to HubSpot in 1 click {tco} #CRM #leads',
  },
  {
    domain: 'warehouse',
    template:
      '{🚀|🚀🚀|⚡} Top 10 data warehouse tools 2026 (number 7 will shock you) {tco} #dataengineering #bigdata #AI',
  },
  {
    domain: 'warehouse',
    template: 'Learn Snowflake in 3 days and get hired!!! 100% job guarantee {✅|✅✅|💯} {tco} #data #jobs',
  },
  {
    domain: 'observability',
    template: 'Best Datadog alternative?? Click here {👉|👇|➡️} {tco} #devops #SRE #cloud #AI #tech',
  },
  {
    domain: 'observability',
    template: 'Learn observability in 7 days FREE course {🎓👉|🎓|📚👉} {tco} #SRE #devops #grafana #free',
  },
];
