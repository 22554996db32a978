import { spawn } from "node:child_process";
import fs from "node:fs";

/** What one measured child process did: its wall time, its peak resident memory, its exit code and stdout. */
export type ChildMeasure = { seconds: number; peakRssMb: number; exitCode: number; stdout: string };

/**
 * Runs `node --import tsx <script> …args` in `cwd` under GNU time (`/usr/bin/time -f "%e %M"`), so the peak RSS is
 * that process's own (the kernel's maximum resident set size of the child). stderr goes to `logFile` (appended).
 * Rejects, naming the command and the log, when it exits non-zero.
 */
export function runMeasuredChild(options: {
  cwd: string;
  script: string;
  args: readonly string[];
  env: Record<string, string>;
  logFile: string;
  /** Prefix of the command line, e.g. ["flock", "/tmp/jg-web.lock"] (its own memory is not what time measures). */
  wrapper?: readonly string[];
}): Promise<ChildMeasure> {
  const timeFile = `${options.logFile}.time`;
  const command = [
    ...(options.wrapper ?? []),
    "/usr/bin/time",
    "-f",
    "%e %M",
    "-o",
    timeFile,
    process.execPath,
    "--import",
    "tsx",
    options.script,
    ...options.args,
  ];
  const [file, ...args] = command as [string, ...string[]];
  const log = fs.openSync(options.logFile, "a");
  fs.writeSync(log, `\n$ ${command.join(" ")}\n`);
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", log],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      fs.closeSync(log);
      const exitCode = code ?? 1;
      if (exitCode !== 0) {
        reject(new Error(`${options.script} ${options.args.join(" ")} exited ${exitCode}; see ${options.logFile}`));
        return;
      }
      const timeText = fs.readFileSync(timeFile, "utf8").trim().split("\n").at(-1) ?? "";
      const [seconds, kilobytes] = timeText.split(" ").map(Number);
      if (
        seconds === undefined ||
        kilobytes === undefined ||
        !Number.isFinite(seconds) ||
        !Number.isFinite(kilobytes)
      ) {
        reject(new Error(`could not read GNU time's "${timeText}" in ${timeFile}`));
        return;
      }
      resolve({ seconds, peakRssMb: Math.round(kilobytes / 102.4) / 10, exitCode, stdout });
    });
  });
}
