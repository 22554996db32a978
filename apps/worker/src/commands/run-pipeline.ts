import { defineCommand } from "../cli/command";
import { reportCommandError } from "../cli/report-command-error";
import { UsageError } from "../cli/usage-error";
import { defaultDemoImportOptions, importDemoShop } from "../pipeline/import-demo-shop";
import { defaultPublishingRun, trainAndPublish } from "../pipeline/train-and-publish";
import { defaultPhotoSetDir } from "./import-images";
import { defaultRees46File } from "./import-rees46";
import { KIND_FLAG, parseKindFlag } from "./kind-flag";

/** One step of the pipeline: the command line it stands for (shown in the log) and the exit code it ends with. */
type Step = { label: string; run(): Promise<number> };

export const runPipelineCommand = defineCommand({
  name: "run",
  summary: "The whole pipeline: import the demo shop, train, evaluate offline, publish if the gates pass.",
  help: `Runs demo (migrate + import; idempotent), then train --kind KIND --publish: the new version is evaluated on the
offline protocol, stored as a candidate and published only when the gates pass (exit code 1 otherwise; the active
version keeps serving). --skip-import trains on the data already in DATABASE_URL.`,
  flags: {
    kind: KIND_FLAG,
    "skip-import": { type: "boolean", description: "do not import the demo shop first" },
    quiet: { type: "boolean", description: "no progress output from training" },
  },
  async run({ flags, env, stdout, stderr }) {
    const kind = parseKindFlag(flags.kind);
    const importStep: Step = {
      label: "demo",
      async run() {
        const outcome = await importDemoShop(
          {
            databaseUrl: env.databaseUrl,
            dataDir: env.dataDir,
            file: defaultRees46File(env.sharedDir),
            photoDir: defaultPhotoSetDir(env.sharedDir),
            options: defaultDemoImportOptions(env.dataDir),
          },
          { stdout, stderr },
        );
        return outcome.status === "succeeded" ? 0 : 1;
      },
    };
    const trainStep: Step = {
      label: `train --kind ${kind} --publish${flags.quiet ? " --quiet" : ""}`,
      async run() {
        const published = await trainAndPublish(defaultPublishingRun(env.databaseUrl, kind, flags.quiet), {
          stdout,
          stderr,
        });
        return published ? 0 : 1;
      },
    };
    const steps = flags["skip-import"] ? [trainStep] : [importStep, trainStep];
    for (const [index, step] of steps.entries()) {
      stderr.write(`[run ${index + 1}/${steps.length}] ${step.label}\n`);
      const code = await step.run().catch((error: unknown) => reportCommandError(error, stderr));
      if (code === 2) throw new UsageError(`step "${step.label}" refused its input (see above)`);
      if (code !== 0) {
        stderr.write(`[run] step "${step.label.split(" ")[0]}" failed with exit code ${code}; stopping\n`);
        return code;
      }
    }
    stderr.write("[run] done\n");
    return 0;
  },
});
