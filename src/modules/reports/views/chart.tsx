import type { FC } from 'hono/jsx';

/**
 * A bar chart drawn on the server as inline SVG: a title and a description for screen readers,
 * no script. The page puts the same figures in a table next to it. The bars lie down, one row
 * each, so the text stays readable on a 360 px phone and any number of quarters or kinds fits:
 * short labels (quarters) sit left of their bar; when any label is long (kinds of support,
 * communes) every label sits above its bar, at full width, so none is cut.
 */
export const BarChart: FC<{
  id: string;
  title: string;
  description: string;
  bars: { label: string; value: number }[];
}> = ({ id, title, description, bars }) => {
  const width = 360;
  const stacked = bars.some((b) => b.label.length > 14);
  const row = stacked ? 40 : 26;
  const labelWidth = stacked ? 0 : 104;
  const barTop = stacked ? 20 : 4;
  const barHeight = stacked ? 14 : row - 8;
  const valueWidth = 44;
  const plot = width - labelWidth - valueWidth;
  const height = Math.max(1, bars.length) * row + 4;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} stroke="currentColor" stroke-width="1" />
      {bars.map((b, i) => {
        const w = b.value > 0 ? Math.max(2, Math.round((b.value / max) * plot)) : 0;
        const y = i * row + 2;
        return (
          <g>
            {stacked ? (
              <text x={4} y={y + 14} font-size="13" fill="currentColor">
                {b.label}
              </text>
            ) : (
              <text x={labelWidth - 6} y={y + 17} text-anchor="end" font-size="13" fill="currentColor">
                {b.label}
              </text>
            )}
            <rect x={labelWidth} y={y + barTop} width={w} height={barHeight} fill="#1d6fa5" />
            <text x={labelWidth + w + 5} y={y + barTop + barHeight - 2} font-size="13" fill="currentColor">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
