/** Most bars drawn; more class sizes than this are grouped into ranges. */
const BARS = 30;
const WIDTH = 600;
const HEIGHT = 180;

/** Groups [class size, classes] into at most BARS bars, each labelled by its size range. */
export function histogramBars(
  histogram: readonly (readonly [number, number])[],
): { label: string; classes: number }[] {
  if (histogram.length <= BARS) {
    return histogram.map(([size, classes]) => ({ label: String(size), classes }));
  }
  const per = Math.ceil(histogram.length / BARS);
  const bars: { label: string; classes: number }[] = [];
  for (let i = 0; i < histogram.length; i += per) {
    const group = histogram.slice(i, i + per);
    const first = group[0]![0];
    const last = group[group.length - 1]![0];
    bars.push({
      label: first === last ? String(first) : `${first}–${last}`,
      classes: group.reduce((n, [, c]) => n + c, 0),
    });
  }
  return bars;
}

/** The class-size histogram of a data set as a bar chart (SVG), with a table behind it. */
export function ClassSizeChart(props: {
  readonly histogram: readonly (readonly [number, number])[];
}) {
  const bars = histogramBars(props.histogram);
  const max = Math.max(1, ...bars.map((b) => b.classes));
  const w = WIDTH / Math.max(1, bars.length);
  return (
    <figure>
      <svg
        role="img"
        aria-label="Class sizes: number of classes per class size"
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        width="100%"
        height={HEIGHT + 20}
      >
        {bars.map((b, i) => {
          const h = Math.max(1, (b.classes / max) * HEIGHT);
          return (
            <g key={b.label} data-testid="histogram-bar">
              <rect
                x={i * w + 2}
                y={HEIGHT - h}
                width={Math.max(1, w - 4)}
                height={h}
                fill="#3b6ea5"
              >
                <title>{`${b.classes} classes of size ${b.label}`}</title>
              </rect>
              <text x={i * w + w / 2} y={HEIGHT + 14} fontSize="10" textAnchor="middle">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Classes per class size (rows sharing the same generalized values)</figcaption>
    </figure>
  );
}
