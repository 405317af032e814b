/**
 * Round steps for a value axis, from 0 up to at least `max`: 1, 2 or 5 × 10ⁿ
 * apart, at most five of them, so a reader can tell a bar's value at a glance.
 */
export function scaleTicks(max: number): number[] {
  let step = 1;
  while (max / step > 4) step *= String(step).startsWith('2') ? 2.5 : 2;
  return Array.from({ length: Math.max(1, Math.ceil(max / step)) + 1 }, (_, i) => i * step);
}

export interface ValueAxisProps {
  ticks: readonly number[];
  /** Where a value lies on the chart, in its own units. */
  y: (value: number) => number;
  /** Where the axis labels end and the plot begins. */
  left: number;
  right: number;
}

/** The value scale of a chart: a faint line and a label at each tick. */
export function ValueAxis({ ticks, y, left, right }: ValueAxisProps) {
  return (
    <g class="scale">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          <text x={left - 4} y={y(tick)} dy="0.35em" text-anchor="end" class="axis">
            {tick}
          </text>
        </g>
      ))}
    </g>
  );
}
