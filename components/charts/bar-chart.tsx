// A horizontal bar chart drawn on the server as SVG: no client script. The picture is one image
// named by its title and described by its numbers (role="img"); the same numbers follow in a
// visually hidden table for screen-reader users who want to move cell by cell.

export type Bar = {
  label: string;
  value: number;
  /** What is printed after the bar (defaults to the value); also used in the description and table. */
  valueLabel?: string;
  tone?: 'default' | 'ok' | 'warn' | 'bad' | 'muted';
};

// User units; the font is 15 units, so on a phone (about 0.8×) labels stay near 12 px.
const WIDTH = 400;
const LABEL_WIDTH = 160;
const VALUE_WIDTH = 100;
const ROW = 30;
const BAR = 18;
const PAD_Y = 6;

/** Cuts a label that would run into the bars; the full label stays in the description and the table. */
function fitLabel(label: string): string {
  // About 15.5 user units per CJK character and 9 per Latin one at font-size 15.
  let width = 0;
  let out = '';
  for (const ch of label) {
    width += /[\u0000-\u00ff]/.test(ch) ? 9 : 15.5;
    if (width > LABEL_WIDTH - 16) return `${out}…`;
    out += ch;
  }
  return out;
}

export function BarChart({
  id,
  title,
  description,
  bars,
  max,
  labelHeader,
  valueHeader,
}: {
  id: string;
  title: string;
  /** One sentence with every number, e.g. "业务集中培训 2 人,旁听话务 1 人…". */
  description: string;
  bars: Bar[];
  /** The value a full-length bar stands for; defaults to the largest value. */
  max?: number;
  labelHeader: string;
  valueHeader: string;
}) {
  const top = Math.max(1, max ?? Math.max(0, ...bars.map((b) => b.value)));
  const height = PAD_Y * 2 + bars.length * ROW;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className="bar-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={PAD_Y / 2} y2={height - PAD_Y / 2} className="bar-chart-axis" />
        {bars.map((bar, i) => {
          const y = PAD_Y + i * ROW;
          const length = bar.value <= 0 ? 0 : Math.max(2, (bar.value / top) * barSpace);
          return (
            <g key={`${bar.label}-${i}`}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2} className="bar-chart-label" textAnchor="end" dominantBaseline="central">
                {fitLabel(bar.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y + (ROW - BAR) / 2} width={length} height={BAR} rx={3} className={`bar-chart-bar tone-${bar.tone ?? 'default'}`} />
              <text x={LABEL_WIDTH + length + 6} y={y + ROW / 2} className="bar-chart-value" dominantBaseline="central">
                {bar.valueLabel ?? String(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar, i) => (
            <tr key={`${bar.label}-${i}`}>
              <th scope="row">{bar.label}</th>
              <td>{bar.valueLabel ?? String(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
