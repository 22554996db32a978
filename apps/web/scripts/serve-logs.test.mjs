import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const serve = path.join(path.dirname(fileURLToPath(import.meta.url)), "serve.mjs");

/** Runs serve.mjs to a start-up refusal (no web process is forked, no build is needed) and parses its log lines. */
function refuse(args, env = {}) {
  const result = spawnSync(process.execPath, [serve, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  const lines = result.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return { status: result.status, lines };
}

describe("serve.mjs logs", () => {
  it("refuses an unknown argument with exit code 2 and one fatal JSON line named serve", () => {
    const { status, lines } = refuse(["--colour"]);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 60,
      name: "serve",
      msg: "unknown argument '--colour' (expected -p PORT, -H HOSTNAME)",
    });
    expect(typeof lines[0].time).toBe("number");
    expect(typeof lines[0].pid).toBe("number");
  });

  it("refuses a bad WEB_CONCURRENCY the same way", () => {
    const { status, lines } = refuse(["-p", "3999"], { WEB_CONCURRENCY: "0" });
    expect(status).toBe(2);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 60,
        name: "serve",
        msg: "WEB_CONCURRENCY must be an integer in 1..64, got '0'",
      }),
    ]);
  });
});
