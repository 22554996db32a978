import { runCliProcess } from "./cli/run-cli-process";
import { COMMANDS } from "./commands/registry";

process.exitCode = await runCliProcess(COMMANDS, "npm run worker --");
