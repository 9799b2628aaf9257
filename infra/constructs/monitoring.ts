import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MonitoringProps {
  /** Function name (as in FUNCTION_SPECS) to function. */
  readonly functions: Record<string, IFunction>;
  readonly queue: IQueue;
  readonly dlq: IQueue;
  readonly alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms that mean a person should look (a dead-lettered task, a failing or throttled function),
 * one topic they go to, and a dashboard with the same numbers.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);

    // CloudWatch cannot publish to a topic under the AWS-managed SNS key, so the topic has its own key.
    const key = new Key(this, 'TopicKey', {
      description: 'Prospector alarm topic encryption',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    if (props.alarmEmail) {
      const subscription = new EmailSubscription(props.alarmEmail);
      this.topic.addSubscription(subscription);
      Validations.of(this.topic).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'The only subscription is the operator email; an undelivered alarm email stays visible as the ' +
          'alarm state in CloudWatch and on the dashboard, so a redrive queue would add nothing.',
      });
    }
    const action = new SnsAction(this.topic);

    const alarm = (name: string, metric: IMetric, description: string) => {
      const a = new Alarm(this, name, {
        metric,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
    };

    alarm(
      'DlqNotEmpty',
      props.dlq.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
      'Engagement tasks failed five deliveries and sit in the DLQ: inspect, fix, redrive.',
    );
    // Custom metrics (Powertools EMF, namespace Prospector, dimension `service`).
    const custom = (metricName: string, service: string) =>
      new Metric({
        namespace: 'Prospector',
        metricName,
        dimensionsMap: { service },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    for (const service of ['engage', 'discover']) {
      alarm(
        `XConnectionBroken${service === 'engage' ? 'Engage' : 'Discover'}`,
        custom('XConnectionBroken', service),
        "X refused the brand account's token refresh: the connection is broken and nothing is sent or " +
          'read until an admin reconnects it in the review UI.',
      );
    }
    alarm(
      'EngagementTasksStuck',
      custom('EngagementTasksStuck', 'discover'),
      'Approved engagement tasks sit in `executing` with a claim that expired over 30 minutes ago; the ' +
        'discovery cycle re-queued them for reconciliation. Check the engage errors and the DLQ.',
    );
    for (const [name, fn] of Object.entries(props.functions)) {
      const id = name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
      alarm(`${id}Errors`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), `${name} failed.`);
      alarm(
        `${id}Throttles`,
        fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        `${name} was throttled (account concurrency or the engage event source's max concurrency).`,
      );
    }

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    const fns = Object.entries(props.functions);
    const perFunction = (title: string, pick: (fn: IFunction) => Metric) =>
      new GraphWidget({ title, width: 8, left: fns.map(([name, fn]) => pick(fn).with({ label: name })) });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '# Prospector', width: 24, height: 1 }),
      perFunction('Invocations', (fn) => fn.metricInvocations({ period: FIVE_MINUTES })),
      perFunction('Errors', (fn) => fn.metricErrors({ period: FIVE_MINUTES })),
      perFunction('Duration p95', (fn) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p95' })),
      new GraphWidget({
        title: 'Engagement queue depth',
        width: 12,
        left: [props.queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES })],
        right: [props.queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES })],
      }),
      new GraphWidget({
        title: 'Engagement DLQ depth',
        width: 12,
        left: [props.dlq.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES })],
      }),
    );
  }
}
