import { type JobRequest, parseJobRequest } from "@jewelguide/api/jobs";
import { parseCommandLine } from "../cli/parse-command-line";
import { UsageError } from "../cli/usage-error";
import { parseKindFlag } from "../commands/kind-flag";
import { parseMaxDrop } from "../commands/max-drop-flag";
import { parsePositiveInteger, parseVersionId } from "../commands/parse-numeric-flags";
import { parseConfigFlag } from "../commands/train";
import { JOB_COMMANDS } from "./job-commands";

/** The worker command line a job runs (`worker serve` parses and runs it like the CLI). */
export function jobCommandLine(request: JobRequest): string[] {
  switch (request.kind) {
    case "import":
      return [
        "import",
        request.source,
        ...Object.entries(request.flags).flatMap(([name, value]) =>
          value === true ? [`--${name}`] : [`--${name}`, value],
        ),
      ];
    case "featurize":
      return [
        "featurize",
        ...(request.force ? ["--force"] : []),
        ...(request.batchSize === undefined ? [] : ["--batch-size", String(request.batchSize)]),
      ];
    case "train":
      return [
        "train",
        ...(request.model === undefined ? [] : ["--kind", request.model]),
        ...(request.config === undefined ? [] : ["--config", JSON.stringify(request.config)]),
        ...(request.publish ? ["--publish"] : []),
        ...(request.evaluate ? [] : ["--no-eval"]),
        ...(request.storedFeatures ? [] : ["--no-stored-features"]),
      ];
    case "evaluate":
      return ["evaluate", "--version", String(request.version)];
    case "publish":
      return [
        "publish",
        "--version",
        String(request.version),
        ...(request.force ? ["--force"] : []),
        ...(request.maxDrop === undefined ? [] : ["--max-drop", String(request.maxDrop)]),
      ];
  }
}

/**
 * The job a worker command line describes (`worker enqueue -- train --kind ease --publish`): parsed and checked by
 * the command's own flags and parsers, then as a job request. Throws UsageError naming what is wrong.
 */
export function jobRequestFromCommandLine(argv: string[]): JobRequest {
  const parsed = parseCommandLine(argv, JOB_COMMANDS);
  if (parsed.kind !== "run") {
    throw new UsageError(`give the job's command line, one of: ${JOB_COMMANDS.map((c) => c.name).join(", ")}`);
  }
  const name = parsed.command.name;
  // Each value has its flag's declared type: a string (or undefined) for string flags, a boolean for boolean ones.
  const flags = parsed.flags as Record<string, string | boolean | undefined>;
  const text = (flag: string) => (typeof flags[flag] === "string" ? (flags[flag] as string) : undefined);
  if (flags.quiet === true) throw new UsageError("--quiet has no meaning for a queued job (its log is always kept)");
  const request = ((): unknown => {
    if (name.startsWith("import ")) {
      const set = Object.entries(flags).filter(([, value]) => value !== undefined && value !== false);
      return { kind: "import", source: name.slice("import ".length), flags: Object.fromEntries(set) };
    }
    switch (name) {
      case "featurize": {
        const batchSize = text("batch-size");
        return {
          kind: "featurize",
          force: flags.force === true,
          ...(batchSize === undefined ? {} : { batchSize: parsePositiveInteger("--batch-size", batchSize) }),
        };
      }
      case "train": {
        if (flags["if-none-active"] === true) throw new UsageError("train --if-none-active cannot be queued");
        const config = text("config");
        return {
          kind: "train",
          ...(text("kind") === undefined ? {} : { model: parseKindFlag(text("kind")) }),
          ...(config === undefined ? {} : { config: parseConfigFlag(config) }),
          publish: flags.publish === true,
          evaluate: flags["no-eval"] !== true,
          storedFeatures: flags["no-stored-features"] !== true,
        };
      }
      case "evaluate":
        return { kind: "evaluate", version: parseVersionId("--version", text("version")) };
      case "publish": {
        const maxDrop = text("max-drop");
        return {
          kind: "publish",
          version: parseVersionId("--version", text("version")),
          force: flags.force === true,
          ...(maxDrop === undefined ? {} : { maxDrop: parseMaxDrop(maxDrop) }),
        };
      }
      default:
        throw new UsageError(`${name} cannot be queued`);
    }
  })();
  try {
    return parseJobRequest(request);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
