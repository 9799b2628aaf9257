import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readSettings } from './settings.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export interface ProspectorApp {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/**
 * Builds the whole app with cdk-nag's AWS Solutions and Serverless packs registered, shared by
 * `infra/app.ts` (the CDK CLI entry) and the infra tests, so the tests check what deploys.
 */
export function createProspectorApp(props: AppProps = {}): ProspectorApp {
  const app = new App(props);
  const settings = readSettings(app);

  const stateful = new StatefulStack(app, 'ProspectorStateful', {
    description: 'Prospector data: table, engagement queue, X token secret, CRM exports, reviewer user pool',
    xSecretName: settings.xSecretName,
    xTokenSecretName: settings.xTokenSecretName,
    ...(settings.signInDomainPrefix ? { signInDomainPrefix: settings.signInDomainPrefix } : {}),
    ...(settings.sourcesSecretName ? { sourcesSecretName: settings.sourcesSecretName } : {}),
    ...(settings.notifyWebhookSecretName
      ? { notifyWebhookSecretName: settings.notifyWebhookSecretName }
      : {}),
  });
  const stateless = new StatelessStack(app, 'ProspectorStateless', {
    description: 'Prospector code: functions, schedule, review API, alarms and dashboard',
    settings,
    table: stateful.table,
    engageQueue: stateful.engageQueue,
    engageDlq: stateful.engageDlq,
    xSecret: stateful.xSecret,
    cursorKeySecret: stateful.cursorKeySecret,
    xTokenSecret: stateful.xTokenSecret,
    exportBucket: stateful.exportBucket,
    ...(stateful.sourcesSecret ? { sourcesSecret: stateful.sourcesSecret } : {}),
    ...(stateful.notifyWebhookSecret ? { notifyWebhookSecret: stateful.notifyWebhookSecret } : {}),
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    signInUrl: stateful.userPoolDomain.baseUrl(),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stateful, stateless };
}
