import type { Command } from "../cli/command";
import { apiKeyCreateCommand, apiKeyListCommand, apiKeyRevokeCommand } from "./api-key";
import { auditLogCommand } from "./audit-log";
import { createAdminCommand } from "./create-admin";
import { demoCommand } from "./demo";
import { enqueueCommand } from "./enqueue";
import { evaluateCommand } from "./evaluate";
import { featurizeCommand } from "./featurize";
import { importCatalogCommand } from "./import-catalog";
import { importEventsCommand } from "./import-events";
import { importImagesCommand } from "./import-images";
import { importNewchicCommand } from "./import-newchic";
import { importRees46Command } from "./import-rees46";
import { importUsersCommand } from "./import-users";
import { linkTokenCommand } from "./link-token";
import { migrateCommand } from "./migrate";
import { parseRequestCommand } from "./parse-request";
import { publishCommand } from "./publish";
import { rollbackCommand } from "./rollback";
import { runPipelineCommand } from "./run-pipeline";
import { scheduleCommand } from "./schedule";
import { serveCommand } from "./serve";
import { simulateCommand } from "./simulate";
import { trainCommand } from "./train";
import { versionsCommand } from "./versions";

/** Every worker command, in the order `--help` lists them. Adding a command is one file plus one line here. */
export const COMMANDS: Command[] = [
  migrateCommand,
  demoCommand,
  importRees46Command,
  importImagesCommand,
  importNewchicCommand,
  importCatalogCommand,
  importUsersCommand,
  importEventsCommand,
  parseRequestCommand,
  featurizeCommand,
  trainCommand,
  evaluateCommand,
  publishCommand,
  rollbackCommand,
  versionsCommand,
  auditLogCommand,
  runPipelineCommand,
  scheduleCommand,
  serveCommand,
  enqueueCommand,
  simulateCommand,
  createAdminCommand,
  linkTokenCommand,
  apiKeyCreateCommand,
  apiKeyListCommand,
  apiKeyRevokeCommand,
];
