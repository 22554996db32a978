import type { Command } from "../cli/command";
import { importCatalogCommand } from "./import-catalog";
import { importEventsCommand } from "./import-events";
import { importRees46Command } from "./import-rees46";
import { importUsersCommand } from "./import-users";
import { migrateCommand } from "./migrate";

/** Every worker command, in the order `--help` lists them. Adding a command is one file plus one line here. */
export const COMMANDS: Command[] = [
  migrateCommand,
  importRees46Command,
  importCatalogCommand,
  importUsersCommand,
  importEventsCommand,
  // trainCommand,
];
