import type { Command } from "../cli/command";
import { evaluateCommand } from "../commands/evaluate";
import { featurizeCommand } from "../commands/featurize";
import { importCatalogCommand } from "../commands/import-catalog";
import { importEventsCommand } from "../commands/import-events";
import { importImagesCommand } from "../commands/import-images";
import { importNewchicCommand } from "../commands/import-newchic";
import { importRees46Command } from "../commands/import-rees46";
import { importUsersCommand } from "../commands/import-users";
import { publishCommand } from "../commands/publish";
import { trainCommand } from "../commands/train";

/** The commands a queued job can run: the CLI's own, so a job behaves exactly as the command it names. */
export const JOB_COMMANDS: Command[] = [
  importRees46Command,
  importImagesCommand,
  importNewchicCommand,
  importCatalogCommand,
  importUsersCommand,
  importEventsCommand,
  featurizeCommand,
  trainCommand,
  evaluateCommand,
  publishCommand,
];
