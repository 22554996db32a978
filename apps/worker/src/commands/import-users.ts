import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { IMPORT_FLAGS } from "../ingest/import-options";
import { openInput } from "../ingest/read/open-input";
import { runImportCommand } from "../ingest/run-import-command";
import { importUsers } from "../ingest/sources/users/import-users";
import { FILE_IMPORT_HELP } from "./file-import-help";

export const importUsersCommand = defineCommand({
  name: "import users",
  summary: "Import shoppers (CSV or JSONL), upserted by user_id.",
  help: `Required column: user_id. Optional: gender (female|male|unknown), age_band, city, attributes (JSON object).
${FILE_IMPORT_HELP}`,
  flags: { file: { type: "string", valueName: "PATH", description: "The users file (required)." }, ...IMPORT_FLAGS },
  async run(context) {
    if (!context.flags.file) throw new UsageError("import users: --file is required");
    const input = openInput(context.flags.file);
    return runImportCommand(context, {
      source: "users",
      file: input.path,
      body: (importContext) => importUsers(importContext, input),
    });
  },
});
