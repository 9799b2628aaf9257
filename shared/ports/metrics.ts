/** Counters for dashboards and alarms (CloudWatch EMF through Powertools on AWS). */
export interface Metrics {
  count(name: string, value: number, dimensions?: Record<string, string>): void;
}

export const noMetrics: Metrics = { count() {} };
