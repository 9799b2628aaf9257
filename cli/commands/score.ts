import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { loadShippedModel } from '../../shared/adapters/intent/shipped-model.ts';
import { normaliseSearchPage } from '../../shared/adapters/x/normalise.ts';
import { describeIssues, MqlDefinitionDraftSchema } from '../../shared/domain/mql-definition.ts';
import { compileDefinition, scoreProspect } from '../../shared/domain/scoring.ts';
import type { Signal } from '../../shared/domain/signal.ts';

/** X API v2 search responses (`data` + `includes.users`) or the sample feed's `tweets` + `users`. */
const XPageSchema = z.object({
  data: z.array(z.unknown()),
  includes: z.object({ users: z.array(z.unknown()) }),
});
const SampleFeedSchema = z.object({ tweets: z.array(z.unknown()), users: z.array(z.unknown()) });

function readPosts(path: string): { tweets: unknown[]; users: unknown[] } {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const sample = SampleFeedSchema.safeParse(raw);
  if (sample.success) return sample.data;
  const page = XPageSchema.parse(raw);
  return { tweets: page.data, users: page.includes.users };
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'qualify the authors of posts in FILE (intent model + MQL rules) and print each state and breakdown; nothing is stored',
    )
    .requiredOption(
      '--data <file>',
      'an X API v2 search response ({data, includes.users}) or the sample feed format ({tweets, users})',
    )
    .option('--definition <file>', 'an MQL definition draft (JSON)', 'data/mql/v1.json')
    .option('--json', 'print only the summary line', false)
    .action((opts: { data: string; definition: string; json: boolean }) => {
      const { tweets, users } = readPosts(resolve(process.cwd(), opts.data));
      const draft = MqlDefinitionDraftSchema.safeParse(
        JSON.parse(readFileSync(resolve(process.cwd(), opts.definition), 'utf8')),
      );
      if (!draft.success) throw new Error(`${opts.definition}: ${describeIssues(draft.error)}`);
      const definition = {
        ...draft.data,
        version: 0,
        author: 'cli',
        note: opts.definition,
        publishedAt: new Date().toISOString(),
      };
      const compiled = compileDefinition(definition, loadShippedModel().scorer);
      const page = normaliseSearchPage({
        data: tweets,
        includes: { users },
        meta: { result_count: tweets.length },
      });
      const byAuthor = new Map<string, Signal[]>();
      for (const p of page.posts) {
        if (p.kind === 'retweet') continue;
        const signal: Signal = {
          postId: p.id,
          postKind: p.kind,
          campaignIds: ['cli'],
          at: p.createdAt,
          text: p.text,
          url: p.url,
        };
        byAuthor.set(p.authorId, [...(byAuthor.get(p.authorId) ?? []), signal]);
      }
      const now = new Date(Math.max(...page.posts.map((p) => Date.parse(p.createdAt))));
      const counts: Record<string, number> = {};
      let topScore: number | undefined;
      for (const [authorId, signals] of byAuthor) {
        const profile = page.authors.get(authorId);
        if (!profile) continue;
        const r = scoreProspect(compiled, profile, signals, now);
        counts[r.state] = (counts[r.state] ?? 0) + 1;
        if (r.state !== 'disqualified') topScore = Math.max(topScore ?? r.score, r.score);
        if (opts.json) continue;
        const grade = r.fitGrade ? `  grade ${r.fitGrade}` : '';
        process.stdout.write(`@${profile.handle}  ${r.state}  ${r.score}${grade}\n`);
        for (const b of r.breakdown)
          process.stdout.write(
            `    ${b.ruleId.padEnd(28)} ${b.points >= 0 ? '+' : ''}${b.points}  ${b.evidence}\n`,
          );
      }
      process.stdout.write(
        `${JSON.stringify({ prospects: byAuthor.size, posts: page.posts.length, rejected: page.rejected.length, ...counts, topScore })}\n`,
      );
    });
}
