import { describe, expect, it } from 'vitest';
// The domain first, as the CLI and the Lambda load it: these schemas exist before zod is extended.
import '../../shared/domain/prospect.ts';
import '../../shared/domain/lead-state.ts';
import '../../shared/domain/signal.ts';

describe('the review API module graph', () => {
  it('loads and documents itself when the domain schemas were built before @hono/zod-openapi', async () => {
    const { createApp } = await import('../../functions/review-api/app.ts');
    const app = createApp({ identify: () => ({ id: 'r', roles: ['sales'] }) } as never);

    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      components: { schemas: Record<string, unknown> };
    };

    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ProspectProfile', 'LeadEvent', 'Signal', 'EngagementTask', 'LeadTimeline']),
    );
  });
});
