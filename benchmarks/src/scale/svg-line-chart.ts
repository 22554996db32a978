export type ChartSeries = { name: string; points: ReadonlyArray<readonly [number, number]> };

const WIDTH = 680;
const HEIGHT = 320;
const MARGIN = { left: 64, right: 310, top: 36, bottom: 48 };
const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

/**
 * A log-log line chart as a standalone SVG document, written by hand (no plotting dependency): one polyline with
 * markers per series, decade grid lines, axis labels and a legend. Points with a non-positive coordinate are left out
 * (a log scale has no place for them); a series with no point is listed in the legend only.
 */
export function renderLineChart(chart: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  /** A horizontal dashed line (a target), with its label. */
  target?: { value: number; label: string };
}): string {
  const points = chart.series.flatMap((series) => series.points.filter(([x, y]) => x > 0 && y > 0));
  const ys = [...points.map(([, y]) => y), ...(chart.target ? [chart.target.value] : [])];
  const xs = points.map(([x]) => x);
  const [xLow, xHigh] = decades(xs);
  const [yLow, yHigh] = decades(ys);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((Math.log10(x) - xLow) / (xHigh - xLow)) * plotWidth;
  const sy = (y: number) => MARGIN.top + plotHeight - ((Math.log10(y) - yLow) / (yHigh - yLow)) * plotHeight;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  for (let d = xLow; d <= xHigh; d++) {
    const x = sx(10 ** d);
    out.push(`<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${MARGIN.top + plotHeight}" stroke="#ddd"/>`);
    out.push(`<text x="${x}" y="${MARGIN.top + plotHeight + 14}" text-anchor="middle">${formatPower(d)}</text>`);
  }
  for (let d = yLow; d <= yHigh; d++) {
    const y = sy(10 ** d);
    out.push(`<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotWidth}" y2="${y}" stroke="#ddd"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end">${formatPower(d)}</text>`);
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(14 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  );
  if (chart.target) {
    const y = sy(chart.target.value);
    out.push(
      `<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotWidth}" y2="${y}" stroke="#555" stroke-dasharray="5 4"/>`,
      `<text x="${MARGIN.left + 4}" y="${y - 4}" fill="#555">${escapeXml(chart.target.label)}</text>`,
    );
  }
  chart.series.forEach((series, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const shown = series.points.filter(([x, y]) => x > 0 && y > 0).map(([x, y]) => [sx(x), sy(y)] as const);
    if (shown.length > 1) {
      const path = shown.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
      out.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    }
    for (const [x, y] of shown)
      out.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" fill="${colour}"/>`);
    const legendY = MARGIN.top + 12 + index * 16;
    const legendX = MARGIN.left + plotWidth + 10;
    out.push(
      `<line x1="${legendX}" y1="${legendY - 4}" x2="${legendX + 16}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${legendX + 20}" y="${legendY}">${escapeXml(series.name)}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

/** The whole decades [floor(log10 min), ceil(log10 max)] around the values, at least one decade wide. */
function decades(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.ceil(Math.log10(Math.max(...values)));
  return [low, Math.max(high, low + 1)];
}

function formatPower(exponent: number): string {
  const value = 10 ** exponent;
  if (exponent >= 6) return `${value / 1e6}M`;
  if (exponent >= 3) return `${value / 1e3}k`;
  return String(Number(value.toPrecision(3)));
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
