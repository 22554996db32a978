import type { Command } from "../cli/command";
import { importRees46Command } from "./import-rees46";
import { migrateCommand } from "./migrate";

/** Every worker command, in the order `--help` lists them. Adding a command is one file plus one line here. */
export const COMMANDS: Command[] = [
  migrateCommand,
  importRees46Command,
  // trainCommand,
];
