import { describe, expect, it } from 'vitest';
import { loadCharts } from '../../functions/review-api/ui/components/svg-charts.ts';

const charts = loadCharts();
const attr = (svg: string, selector: RegExp) => [...svg.matchAll(selector)].map((m) => Number(m[1]));

describe('the hand-made SVG charts', () => {
  it('draws funnel bars proportional to the stage counts', () => {
    const svg = charts.funnelBars({ mql: 40, accepted: 20, won: 10 }, ['mql', 'accepted', 'won']);

    const widths = attr(svg, /<rect class="bar"[^>]* width="([\d.]+)"/g);
    expect(widths).toHaveLength(3);
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.5, 2);
    expect(widths[2]! / widths[0]!).toBeCloseTo(0.25, 2);
  });

  it('puts the whisker ends at the interval low and high and the dot at the rate', () => {
    const svg = charts.intervalChart([
      { label: 'a', value: 0.5, low: 0.25, high: 0.75, trials: 10 },
      { label: 'b', value: 0.1, low: 0, high: 0.4, trials: 10 },
    ]);

    const whiskers = [...svg.matchAll(/<line class="whisker" x1="([\d.]+)" x2="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const dots = attr(svg, /<circle class="point" cx="([\d.]+)"/g);
    const zero = whiskers[1]![0]!; // group b's interval starts at 0%
    const span = (whiskers[0]![1]! - whiskers[0]![0]!) / 0.5; // 0.25 .. 0.75 covers half the axis
    expect(whiskers[0]![0]).toBeCloseTo(zero + 0.25 * span, 1);
    expect(whiskers[0]![1]).toBeCloseTo(zero + 0.75 * span, 1);
    expect(dots[0]).toBeCloseTo(zero + 0.5 * span, 1);
    expect(whiskers[1]![1]).toBeCloseTo(zero + 0.4 * span, 1);
    expect(dots[1]).toBeCloseTo(zero + 0.1 * span, 1);
  });

  it('draws no whisker for a group without a cohort, and says so', () => {
    const svg = charts.intervalChart([{ label: 'empty', value: null, low: 0, high: 1, trials: 0 }]);

    expect(svg).not.toContain('class="whisker"');
    expect(svg).toContain('no cohort yet');
  });

  it('draws the velocity median bar with the p75 tick further out', () => {
    const svg = charts.velocityBars([
      { label: 'MQL → accepted', median: 2, p75: 4 },
      { label: 'accepted → won', median: null, p75: null },
    ]);

    const [median] = attr(svg, /<rect class="bar median"[^>]* width="([\d.]+)"/g);
    const [tick] = attr(svg, /<line class="p75" x1="([\d.]+)"/g);
    const [x0] = attr(svg, /<rect class="bar median" x="([\d.]+)"/g);
    expect(tick! - x0!).toBeCloseTo(2 * median!, 1);
    expect(svg).toContain('no data yet');
  });

  it('escapes every text it draws', () => {
    const evil = '<script>alert("x")</script>&\'';
    const svgs = [
      charts.funnelBars({ [evil]: 3 }, [evil]),
      charts.intervalChart([{ label: evil, value: 0.5, low: 0.2, high: 0.8, trials: 4 }]),
      charts.velocityBars([{ label: evil, median: 1, p75: 2 }]),
    ];

    for (const svg of svgs) {
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    }
  });
});

describe('the page that ships them', () => {
  it('has one script that compiles, with every page module in it', async () => {
    const { reviewUiHtml } = await import('../../functions/review-api/ui.ts');
    const script = /<script>([\s\S]*?)<\/script>/.exec(reviewUiHtml())?.[1] ?? '';

    expect(() => new Function(script)).not.toThrow();
    for (const name of ['funnelBars', 'salesPage', 'funnelPage', 'objectionsPage', 'wonPage', 'hashchange'])
      expect(script).toContain(name);
  });
});
