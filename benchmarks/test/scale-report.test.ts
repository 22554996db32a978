import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dashboardPageMs, formatScaleTable, scaleVerdicts, writeScalePlots } from "../src/scale/render-scale-report";
import type { TierResult } from "../src/scale/run-scale-tier";
import { renderLineChart } from "../src/scale/svg-line-chart";

const throughput = (rows: number, seconds: number) => ({
  rows,
  seconds,
  rowsPerSecond: rows / seconds,
  peakRssMb: 300,
});
const training = (kind: string, fitSeconds: number) => ({
  kind,
  config: {},
  versionId: 1,
  commandSeconds: fitSeconds + 5,
  fitSeconds,
  epochs: 1,
  secondsPerEpoch: fitSeconds,
  peakRssMb: 500,
  artifactBytes: 2 * 1048576,
});

const complete: TierResult = {
  products: 10_000,
  events: 100_000,
  seed: 1,
  shoppers: 2_000,
  import: { catalog: throughput(10_000, 10), users: throughput(2_000, 4), events: throughput(100_000, 50) },
  featurize: { ...throughput(10_000, 20), note: "text only" },
  training: { joint: training("joint", 60), itemknn: training("itemknn", 3) },
  dashboard: {
    queries: { versions: { firstMs: 40, medianMs: 20 }, onlineMetrics: { firstMs: 900, medianMs: 800 } },
    peakRssMb: 250,
  },
  http: {
    feed: { p50Ms: 20, p99Ms: 70, requestsPerSecond: 400, non2xx: 0, errors: 0 },
    webRssMb: { afterWarmUp: 600, max: 650 },
    modelKind: "joint",
    connections: 32,
    durationSeconds: 15,
    warmUpSeconds: 10,
    loadAverage: 3,
  },
};
const stopped: TierResult = {
  products: 10_000,
  events: 1_000_000,
  seed: 1,
  import: { catalog: throughput(10_000, 10), users: throughput(20_000, 8), events: throughput(1_000_000, 400) },
  failed: { step: "train", message: "train joint exited 1; see children.log" },
};

describe("the scale report", () => {
  it("tabulates every tier, a dash where a step did not run, and where a tier stopped", () => {
    const table = formatScaleTable([complete, stopped]).split("\n");
    expect(table).toHaveLength(4);
    expect(table[2]).toContain(
      "| 10,000 | 100,000 | 2,000 | 2,000 | 1,000 | 500 | 60 s / 500 MB | 3 s / 500 MB | 2 | 2 |",
    );
    expect(table[2]).toContain("| 650 | 70 (400 req/s) | 820 |");
    expect(table[3]).toContain("| 10,000 | 1,000,000 | — | 2,500 |");
    expect(table[3]).toContain("train: train joint exited 1");
    expect(dashboardPageMs(complete)).toBe(820);
    expect(dashboardPageMs(stopped)).toBeNull();
  });

  it("checks the budgets a tier measured", () => {
    expect(scaleVerdicts([complete, stopped])).toEqual({
      "10000 products / 100000 events: web RSS < 1 GB": true,
      "10000 products / 100000 events: feed p99 ≤ 50 ms": false,
      "10000 products / 100000 events: dashboard page ≤ 1 s": true,
    });
  });

  it("draws log-log SVG charts: one line per catalog size, points placed by decade", () => {
    const svg = renderLineChart({
      title: "t < u",
      xLabel: "events",
      yLabel: "s",
      series: [
        {
          name: "a",
          points: [
            [1e5, 10],
            [1e6, 100],
          ],
        },
        { name: "empty", points: [] },
      ],
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("t &lt; u");
    // x: 1e5 is the left edge (64) and 1e6 the right edge (64 + 306) of the plot; y: 10 the bottom, 100 the top.
    expect(svg).toContain('<polyline points="64.0,272.0 370.0,36.0"');
    expect(svg.match(/<circle/g)).toHaveLength(2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-scale-plots-"));
    try {
      const files = writeScalePlots([complete, stopped], dir);
      expect(files.map((file) => path.basename(file))).toEqual([
        "scale-time.svg",
        "scale-memory.svg",
        "scale-latency.svg",
      ]);
      expect(fs.readFileSync(files[0] ?? "", "utf8")).toContain("import events, 10,000 products");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
