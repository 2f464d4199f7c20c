import type { FC } from 'hono/jsx';

/**
 * A bar chart drawn on the server as inline SVG: a title and a description for screen readers,
 * no script. The page puts the same figures in a table next to it.
 */
export const BarChart: FC<{
  id: string;
  title: string;
  description: string;
  bars: { label: string; value: number }[];
}> = ({ id, title, description, bars }) => {
  const width = 640;
  const height = 220;
  const top = 20;
  const bottom = 36;
  const left = 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (width - left * 2) / Math.max(1, bars.length);
  const barWidth = Math.max(4, Math.min(48, slot * 0.6));
  const plot = height - top - bottom;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={left} x2={width - left} y1={top + plot} y2={top + plot} stroke="currentColor" stroke-width="1" />
      {bars.map((b, i) => {
        const h = Math.round((b.value / max) * plot);
        const x = left + i * slot + (slot - barWidth) / 2;
        const y = top + plot - h;
        return (
          <g>
            <rect x={x.toFixed(1)} y={y} width={barWidth.toFixed(1)} height={h} fill="#1d6fa5" />
            <text x={(x + barWidth / 2).toFixed(1)} y={y - 4} text-anchor="middle" font-size="12">
              {b.value}
            </text>
            <text x={(x + barWidth / 2).toFixed(1)} y={height - bottom + 16} text-anchor="middle" font-size="11">
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
