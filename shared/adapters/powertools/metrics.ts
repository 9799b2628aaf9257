import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { Metrics } from '../../ports/metrics.ts';

/**
 * CloudWatch metrics in Embedded Metric Format: each per-campaign count is its own single metric
 * (so dimensions never mix between campaigns) and is written to the log at once.
 */
export function createMetrics(serviceName: string): Metrics {
  const metrics = new PowertoolsMetrics({ namespace: 'Prospector', serviceName });
  return {
    count(name, value, dimensions = {}) {
      const single = metrics.singleMetric();
      single.addDimensions(dimensions);
      single.addMetric(name, MetricUnit.Count, value);
    },
  };
}
