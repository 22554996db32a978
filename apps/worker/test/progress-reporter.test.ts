import { describe, expect, it } from "vitest";
import { createProgressReporter } from "../src/cli/progress-reporter";

/** A reporter on a fake clock (`clock.ms`) that collects its lines. */
function setUp(options: { enabled?: boolean; tag?: string } = {}) {
  const clock = { ms: 1_000_000 };
  const lines: string[] = [];
  const reporter = createProgressReporter({
    out: { write: (text) => lines.push(text) },
    enabled: options.enabled ?? true,
    tag: options.tag,
    now: () => clock.ms,
  });
  return { clock, lines, reporter };
}

describe("createProgressReporter", () => {
  it("prints a counted task at most once a second, with rate and ETA from the total, and a final line", () => {
    const { clock, lines, reporter } = setUp();
    const task = reporter.start("text", 500);
    clock.ms += 500;
    task.tick(10);
    expect(lines).toEqual([]);
    clock.ms += 500;
    task.tick(50);
    clock.ms += 200;
    task.tick(60);
    clock.ms += 800;
    task.tick(100);
    clock.ms += 3000;
    task.tick(500);
    task.done();
    expect(lines).toEqual([
      "text: 50/500, 50.0/s, ETA 9 s\n",
      "text: 100/500, 50.0/s, ETA 8 s\n",
      "text: 500/500, 100/s\n",
      "text: 500/500, 100/s, in 5.0 s\n",
    ]);
  });

  it("shows rows and how much of the file is read when the count has no total", () => {
    const { clock, lines, reporter } = setUp();
    let bytes = 0;
    const task = reporter.start("importing", undefined, {
      unit: "rows",
      fraction: { of: "file", read: () => bytes / 1000 },
    });
    clock.ms += 2000;
    bytes = 250;
    task.tick(12_345);
    clock.ms += 6000;
    bytes = 1000;
    task.tick(50_000);
    task.done();
    expect(lines).toEqual([
      "importing: 12,345 rows, 6,173 rows/s, 25% of file, ETA 6 s\n",
      "importing: 50,000 rows, 6,250 rows/s, 100% of file\n",
      "importing: 50,000 rows, 6,250 rows/s, 100% of file, in 8.0 s\n",
    ]);
  });

  it("prefixes every line with the tag and the seconds since the reporter began, and keeps the last detail", () => {
    const { clock, lines, reporter } = setUp({ tag: "train" });
    reporter.note("loading events");
    clock.ms += 4000;
    const fit = reporter.start("validation fit: train", 1, { percentOnly: true });
    clock.ms += 1000;
    fit.tick(0.25, "epoch 1, loss 0.5000");
    clock.ms += 1000;
    fit.done();
    expect(lines).toEqual([
      "[train 0s] loading events\n",
      "[train 5s] validation fit: train: 25%, epoch 1, loss 0.5000, ETA 3 s\n",
      "[train 6s] validation fit: train: 25%, epoch 1, loss 0.5000, in 2.0 s\n",
    ]);
  });

  it("throttles across tasks, gives no ETA before 2% and lets done() replace the detail", () => {
    const { clock, lines, reporter } = setUp({ tag: "simulate" });
    const first = reporter.start("", 100, { unit: "shoppers" });
    clock.ms += 1000;
    first.tick(1, "5 impressions");
    const second = reporter.start("images", 10);
    second.tick(5);
    first.note("a step");
    first.done("all 100");
    expect(lines).toEqual([
      "[simulate 1s] 1/100 shoppers, 1.0 shoppers/s, 5 impressions\n",
      "[simulate 1s] a step\n",
      "[simulate 1s] 1/100 shoppers, 1.0 shoppers/s, all 100, in 1.0 s\n",
    ]);
  });

  it("prints nothing when disabled (--quiet)", () => {
    const { clock, lines, reporter } = setUp({ enabled: false });
    reporter.note("step");
    const task = reporter.start("rows", 10);
    clock.ms += 5000;
    task.tick(5);
    task.note("x");
    task.done();
    expect(lines).toEqual([]);
  });
});
