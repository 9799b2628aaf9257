/** CDK CLI entry (`cdk.json` runs `npx tsx infra/app.ts`): build, check with cdk-nag, synthesize. */
import { createProspectorApp } from './prospector-app.ts';

createProspectorApp().app.synth();
