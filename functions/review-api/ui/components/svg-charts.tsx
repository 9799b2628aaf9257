/**
 * Hand-made SVG charts as Preact components: no chart library, no CDN. Labels are names people
 * or campaigns chose; Preact renders them as text nodes, so nothing in them becomes markup.
 */
export const num = (x: number | null | undefined) =>
  Number.isFinite(x) ? Math.round((x as number) * 100) / 100 : 0;
export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : `${Math.round(x * 1000) / 10}%`;
const CHART_W = 640;
const LABEL_W = 170;
const ROW_H = 26;
const PAD = 8;

/** Funnel bars: one horizontal bar per stage, its length proportional to the stage count. */
export function FunnelBars({ counts, stages }: { counts: Record<string, number>; stages: string[] }) {
  const max = Math.max(1, ...stages.map((s) => counts[s] || 0));
  const span = CHART_W - LABEL_W - 60;
  return (
    <svg
      class="chart funnel"
      role="img"
      aria-label="leads per stage"
      viewBox={`0 0 ${CHART_W} ${PAD * 2 + stages.length * ROW_H}`}
    >
      {stages.map((s, i) => {
        const n = counts[s] || 0;
        const y = PAD + i * ROW_H;
        const w = num((n / max) * span);
        return (
          <g class="stage" key={s}>
            <text x={LABEL_W - 8} y={y + 17} text-anchor="end" class="label">
              {s}
            </text>
            <rect class="bar" data-stage={s} x={LABEL_W} y={y + 3} width={w} height={ROW_H - 8} rx={3} />
            <text x={num(LABEL_W + w + 6)} y={y + 17} class="value">
              {n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface VelocityRow {
  label: string;
  median: number | null;
  p75: number | null;
}

/** Velocity: a bar to the median days per stage, a tick at the 75th percentile. */
export function VelocityBars({ rows }: { rows: VelocityRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.p75 ?? r.median ?? 0));
  const span = CHART_W - LABEL_W - 90;
  const x = (d: number) => num(LABEL_W + (d / max) * span);
  return (
    <svg
      class="chart velocity"
      role="img"
      aria-label="median and 75th percentile days per stage"
      viewBox={`0 0 ${CHART_W} ${PAD * 2 + rows.length * ROW_H}`}
    >
      {rows.map((r, i) => {
        const y = PAD + i * ROW_H;
        const label = (
          <text x={LABEL_W - 8} y={y + 17} text-anchor="end" class="label">
            {r.label}
          </text>
        );
        if (r.median === null || r.median === undefined)
          return (
            <g class="velocity" key={r.label}>
              {label}
              <text x={LABEL_W} y={y + 17} class="value muted">
                no data yet
              </text>
            </g>
          );
        const p75 = r.p75 ?? r.median;
        return (
          <g class="velocity" key={r.label}>
            {label}
            <rect
              class="bar median"
              x={LABEL_W}
              y={y + 3}
              width={num(x(r.median) - LABEL_W)}
              height={ROW_H - 8}
              rx={3}
            />
            <line class="p75" x1={x(p75)} x2={x(p75)} y1={y + 1} y2={y + ROW_H - 3} />
            <text x={num(x(Math.max(p75, r.median)) + 6)} y={y + 17} class="value">
              {`${num(r.median)} d (p75 ${num(p75)} d)`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface IntervalRow {
  label: string;
  value: number | null;
  low: number;
  high: number;
  trials?: number;
}

/** Conversion with its 95% interval: a whisker from low to high on a 0-100% axis, a dot at the rate. */
export function IntervalChart({ rows }: { rows: IntervalRow[] }) {
  const span = CHART_W - LABEL_W - 70;
  const x = (p: number) => num(LABEL_W + Math.min(1, Math.max(0, p)) * span);
  const h = PAD * 2 + rows.length * ROW_H + 18;
  return (
    <svg
      class="chart interval"
      role="img"
      aria-label="conversion with 95% intervals"
      viewBox={`0 0 ${CHART_W} ${h}`}
    >
      {[0, 0.25, 0.5, 0.75, 1].map((p) => (
        <g key={p}>
          <line class="grid" x1={x(p)} x2={x(p)} y1={PAD} y2={h - 18} />
          <text class="axis" x={x(p)} y={h - 4} text-anchor="middle">{`${p * 100}%`}</text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = PAD + i * ROW_H + ROW_H / 2;
        const label = (
          <text x={LABEL_W - 8} y={y + 5} text-anchor="end" class="label">
            {r.label}
          </text>
        );
        if (r.value === null || r.value === undefined)
          return (
            <g class="rate" key={r.label}>
              {label}
              <text x={LABEL_W} y={y + 5} class="value muted">
                no cohort yet
              </text>
            </g>
          );
        return (
          <g class="rate" key={r.label}>
            {label}
            <line class="whisker" x1={x(r.low)} x2={x(r.high)} y1={y} y2={y} />
            <line class="cap" x1={x(r.low)} x2={x(r.low)} y1={y - 6} y2={y + 6} />
            <line class="cap" x1={x(r.high)} x2={x(r.high)} y1={y - 6} y2={y + 6} />
            <circle class="point" cx={x(r.value)} cy={y} r={5}>
              <title>{`${r.label}: ${pct(r.value)} (95% ${pct(r.low)}–${pct(r.high)}, n=${r.trials ?? ''})`}</title>
            </circle>
            <text x={CHART_W - 62} y={y + 5} class="value">
              {pct(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
