import { defineCommand } from "../cli/command";
import { runCli } from "../cli/run-cli";
import { UsageError } from "../cli/usage-error";
import { DEFAULT_MODEL_KIND } from "./train";

export const runPipelineCommand = defineCommand({
  name: "run",
  summary: "The whole pipeline: import the demo shop, train, evaluate offline, publish if the gates pass.",
  help: `Runs demo (migrate + import; idempotent), then train --kind KIND --publish: the new version is evaluated on the
offline protocol, stored as a candidate and published only when the gates pass (exit code 1 otherwise; the active
version keeps serving). --skip-import trains on the data already in DATABASE_URL.`,
  flags: {
    kind: { type: "string", valueName: "KIND", description: `recommender kind (default ${DEFAULT_MODEL_KIND})` },
    "skip-import": { type: "boolean", description: "do not import the demo shop first" },
    quiet: { type: "boolean", description: "no progress output from training" },
  },
  async run(context) {
    const { flags, stderr } = context;
    // Imported here: the registry imports this file.
    const { COMMANDS } = await import("./registry");
    const steps: string[][] = [
      ...(flags["skip-import"] ? [] : [["demo"]]),
      ["train", "--kind", flags.kind ?? DEFAULT_MODEL_KIND, "--publish", ...(flags.quiet ? ["--quiet"] : [])],
    ];
    for (const [index, argv] of steps.entries()) {
      stderr.write(`[run ${index + 1}/${steps.length}] ${argv.join(" ")}\n`);
      const code = await runCli(argv, COMMANDS, { env: context.env, stdout: context.stdout, stderr });
      if (code === 2) throw new UsageError(`step "${argv.join(" ")}" refused its input (see above)`);
      if (code !== 0) {
        stderr.write(`[run] step "${argv[0]}" failed with exit code ${code}; stopping\n`);
        return code;
      }
    }
    stderr.write("[run] done\n");
    return 0;
  },
});
