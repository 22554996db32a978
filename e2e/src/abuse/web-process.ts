import fs from "node:fs";
import { listProcesses } from "../list-processes";

/**
 * The pid of the web process that serves `port`: serve.mjs's node:cluster primary is found by its command line
 * (`scripts/serve.mjs -p <port>`), and the worker is its child (next start renames its own process title, so the
 * worker is found by parentage, not by name). Throws unless exactly one worker runs (the abuse servers start one).
 */
export function findWebProcess(port: number): number {
  const processes = listProcesses();
  const primaries = processes.filter(
    (entry) =>
      entry.commandLine.includes("scripts/serve.mjs") &&
      entry.commandLine.includes(`-p ${port}`) &&
      !processes.some((parent) => parent.pid === entry.parentPid && parent.commandLine.includes("scripts/serve.mjs")),
  );
  if (primaries.length !== 1)
    throw new Error(`expected one serve.mjs primary on port ${port}, found ${primaries.length}`);
  const primary = primaries[0]?.pid;
  const workers = processes.filter((entry) => entry.parentPid === primary);
  if (workers.length !== 1 || workers[0] === undefined) {
    throw new Error(`expected one web process under serve.mjs (pid ${primary}), found ${workers.length}`);
  }
  return workers[0].pid;
}

export type ProcessMemory = { rssMb: number; peakRssMb: number };

/** Current and peak resident memory of a process (VmRSS / VmHWM of /proc/<pid>/status), in MB. */
export function readProcessMemory(pid: number): ProcessMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = (field: string) => {
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    if (!match?.[1]) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]);
  };
  return { rssMb: kilobytes("VmRSS") / 1024, peakRssMb: kilobytes("VmHWM") / 1024 };
}

/** Whether the process still exists (and is not a zombie). */
export function isProcessAlive(pid: number): boolean {
  try {
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}
