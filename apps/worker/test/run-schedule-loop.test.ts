import { describe, expect, it } from "vitest";
import { runScheduleLoop } from "../src/pipeline/run-schedule-loop";

describe("runScheduleLoop", () => {
  it("runs whenever isDue says so, passing on what made it due, and waits otherwise", async () => {
    const answers: (string | null)[] = ["first", null, null, "second"];
    const ran: [string, number][] = [];
    let checks = 0;
    const runs = await runScheduleLoop({
      isDue: async () => {
        checks += 1;
        return answers.shift() ?? null;
      },
      runOnce: async (due, run) => {
        ran.push([due, run]);
      },
      signal: new AbortController().signal,
      pollMs: 1,
      maxRuns: 2,
    });
    expect(runs).toBe(2);
    expect(ran).toEqual([
      ["first", 1],
      ["second", 2],
    ]);
    expect(checks).toBe(4);
  });

  it("stops after the current run when the signal aborts during it", async () => {
    const stop = new AbortController();
    let runsStarted = 0;
    let finishedRun = false;
    const runs = await runScheduleLoop({
      isDue: async () => "due",
      runOnce: async () => {
        runsStarted += 1;
        stop.abort();
        await new Promise((resolve) => setTimeout(resolve, 20));
        finishedRun = true;
      },
      signal: stop.signal,
      pollMs: 1,
    });
    expect(runs).toBe(1);
    expect(runsStarted).toBe(1);
    expect(finishedRun).toBe(true);
  });

  it("stops at once while waiting for the next check", async () => {
    const stop = new AbortController();
    const started = Date.now();
    setTimeout(() => stop.abort(), 20);
    const runs = await runScheduleLoop({
      isDue: async () => null,
      runOnce: async () => {
        throw new Error("nothing is due");
      },
      signal: stop.signal,
      pollMs: 60_000,
    });
    expect(runs).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("never starts when the signal is already aborted", async () => {
    const stop = new AbortController();
    stop.abort();
    let checked = false;
    const runs = await runScheduleLoop({
      isDue: async () => {
        checked = true;
        return "due";
      },
      runOnce: async () => {},
      signal: stop.signal,
      pollMs: 1,
    });
    expect(runs).toBe(0);
    expect(checked).toBe(false);
  });
});
