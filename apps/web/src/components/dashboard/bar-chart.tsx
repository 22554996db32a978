type Bar = { label: string; value: number; highlight?: boolean };

/** A plain SVG bar chart (no client JavaScript): one bar per label, value printed on top. */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(0.0001, ...bars.map((bar) => bar.value));
  const width = Math.max(240, bars.length * 56);
  const height = 160;
  const plot = height - 40;
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-sm text-muted">{title}</figcaption>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} className="h-40 w-full max-w-xl">
        <line x1="0" y1={plot + 10} x2={width} y2={plot + 10} stroke="#d6cfc4" />
        {bars.map((bar, i) => {
          const h = (bar.value / max) * (plot - 10);
          const x = i * 56 + 12;
          return (
            <g key={bar.label}>
              <rect x={x} y={plot + 10 - h} width="32" height={h} fill={bar.highlight ? "#b08d3c" : "#8a8378"} rx="2" />
              <text x={x + 16} y={plot + 4 - h} textAnchor="middle" fontSize="10" fill="#3b362f">
                {bar.value.toFixed(3)}
              </text>
              <text x={x + 16} y={height - 12} textAnchor="middle" fontSize="10" fill="#6b655c">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
