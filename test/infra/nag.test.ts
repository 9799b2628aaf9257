import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthApp } from './synth-app.ts';

interface Violation {
  ruleName: string;
  description: string;
  violatingResources: { constructPath?: string }[];
}
interface Report {
  pluginReports: { pluginName: string; conclusion: string; violations?: Violation[] }[];
}

const ACK_KEY = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;
const stripPrefix = (id: string) => id.replace(/^annotation::/i, '');

/** `path|ruleId` for every acknowledgement recorded in the tree. */
function acknowledgements(root: IConstruct): Map<string, string> {
  const acks = new Map<string, string>();
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== ACK_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        acks.set(`${c.node.path}|${stripPrefix(id)}`, String(reason));
      }
    }
  }
  return acks;
}

// cdk-nag consults `isAcknowledged(resource, ruleId)` for each finding. Wrapping it (a private
// method of cdk-nag 3.0.x) records which acknowledgement answered, so a stale one is caught.
const used = new Set<string>();
const proto = NagPack.prototype as unknown as {
  isAcknowledged: (resource: IConstruct, ruleId: string) => boolean;
};
const original = proto.isAcknowledged;

let s: Synthesized;
let report: Report;
beforeAll(() => {
  proto.isAcknowledged = function (this: unknown, resource: IConstruct, ruleId: string) {
    const hit = original.call(this, resource, ruleId);
    if (hit) {
      for (let c: IConstruct | undefined = resource; c; c = c.node.scope) {
        const ids = c.node.metadata
          .filter((e) => e.type === ACK_KEY && e.data)
          .flatMap((e) => Object.keys(e.data as object).map(stripPrefix));
        if (ids.includes(ruleId)) {
          used.add(`${c.node.path}|${ruleId}`);
          break;
        }
      }
    }
    return hit;
  };
  // Let synthesis finish even with findings, so the test can list them instead of a stack trace.
  s = synthApp({ alarmEmail: 'ops@example.com', '@aws-cdk/core:failSynthOnValidationErrors': false });
  report = JSON.parse(readFileSync(join(s.assembly.directory, 'validation-report.json'), 'utf8')) as Report;
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  proto.isAcknowledged = original;
});

describe('cdk-nag (AwsSolutions + Serverless)', () => {
  it('ran and left no unacknowledged finding in the validation report', () => {
    const findings = report.pluginReports.flatMap((p) =>
      (p.violations ?? []).flatMap((v) =>
        v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}: ${v.description}`),
      ),
    );
    expect(findings).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it('has no stale acknowledgement: each one silenced a real finding, and each gives a reason', () => {
    const acks = acknowledgements(s.app);
    const stale = [...acks.keys()].filter((k) => !used.has(k));
    expect(stale).toEqual([]);
    for (const [key, reason] of acks) expect(reason.length, key).toBeGreaterThan(40);
  });
});
