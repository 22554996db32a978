import fs from "node:fs";

/** One process as /proc shows it; `commandLine` has its arguments joined with spaces. */
export type ProcessEntry = { pid: number; parentPid: number; processGroupId: number; commandLine: string };

/** Every process running now (those that end while the list is read are left out). */
export function listProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name in parentheses may contain spaces: the fields after its closing parenthesis are fixed
      // (state, parent pid, process group, …).
      const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const commandLine = fs.readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ");
      entries.push({
        pid: Number(name),
        parentPid: Number(afterName[1]),
        processGroupId: Number(afterName[2]),
        commandLine,
      });
    } catch {
      // the process ended while the list was read
    }
  }
  return entries;
}
