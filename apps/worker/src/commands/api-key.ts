import {
  API_KEY_SCOPES,
  ApiKeyError,
  createApiKey,
  createDb,
  isApiKeyScope,
  listApiKeys,
  MAX_API_KEY_NAME_LENGTH,
  revokeApiKey,
} from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { workerActor } from "../pipeline/worker-actor";
import { formatTextTable } from "./format-text-table";
import { parsePositiveInteger } from "./parse-numeric-flags";

export const apiKeyCreateCommand = defineCommand({
  name: "api-key create",
  summary: "Create a key for a shop backend to call the HTTP API (/api/v1); printed once, stored hashed.",
  help: `Prints a new key (jg_…) for a shop's backend: it sends it as "Authorization: Bearer <key>" to /api/v1
(docs/http-api.md). Only its SHA-256 is stored, so this is the only time it is shown: keep it in the backend's
secret store. Scope read allows recommendations, similar items and the guide; write allows event ingestion and
catalog upsert. The creation is written to the audit log.
  npm run worker -- api-key create --name shop-backend --scope read`,
  flags: {
    name: {
      type: "string",
      valueName: "NAME",
      description: `who holds the key (required, ≤ ${MAX_API_KEY_NAME_LENGTH} characters)`,
    },
    scope: { type: "string", valueName: API_KEY_SCOPES.join("|"), description: "what the key may do (required)" },
  },
  async run({ flags, env, stdout }) {
    if (flags.name === undefined) throw new UsageError("--name NAME is required");
    if (flags.scope === undefined || !isApiKeyScope(flags.scope)) {
      throw new UsageError(`--scope must be ${API_KEY_SCOPES.join(" or ")}`);
    }
    const { db } = createDb(env.databaseUrl);
    try {
      const key = await createApiKey(db, workerActor(), { name: flags.name, scope: flags.scope });
      stdout.write(`created API key ${key.id} (${key.name}, ${key.scope}); it is shown only now:\n${key.secret}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ApiKeyError) throw new UsageError(error.message);
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
});

export const apiKeyListCommand = defineCommand({
  name: "api-key list",
  summary: "List the HTTP API's keys: id, name, scope, first characters, created, last used, revoked.",
  help: "The keys themselves are not stored; the first characters tell them apart. --json prints JSON.",
  flags: { json: { type: "boolean", description: "print JSON instead of a table" } },
  async run({ flags, env, stdout }) {
    const { db } = createDb(env.databaseUrl);
    try {
      const keys = await listApiKeys(db);
      if (flags.json) {
        stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
        return 0;
      }
      if (keys.length === 0) {
        stdout.write("no API keys yet\n");
        return 0;
      }
      const when = (date: Date | null) => (date ? date.toISOString() : "—");
      stdout.write(
        formatTextTable(
          ["id", "name", "scope", "key", "created", "last used", "revoked"],
          keys.map((key) => [
            String(key.id),
            key.name,
            key.scope,
            `${key.keyPrefix}…`,
            when(key.createdAt),
            when(key.lastUsedAt),
            when(key.revokedAt),
          ]),
        ),
      );
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
});

export const apiKeyRevokeCommand = defineCommand({
  name: "api-key revoke",
  summary: "Revoke an HTTP API key by id (api-key list): refused from the next request on; audited.",
  help: "  npm run worker -- api-key revoke 3",
  flags: {},
  maxPositionals: 1,
  async run({ positionals, env, stdout }) {
    const [rawId] = positionals;
    if (rawId === undefined) throw new UsageError("give the key's id: api-key revoke <id>");
    const id = parsePositiveInteger("<id>", rawId);
    const { db } = createDb(env.databaseUrl);
    try {
      await revokeApiKey(db, workerActor(), id);
      stdout.write(`revoked API key ${id}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ApiKeyError) throw new UsageError(error.message);
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
});
