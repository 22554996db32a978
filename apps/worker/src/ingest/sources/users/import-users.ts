import { z } from "zod";
import type { ImportContext } from "../../import-context";
import type { Input } from "../../read/open-input";
import type { TableRecord } from "../../read/read-table";
import { readRow, tableSchemaOf } from "../../read-row";
import { jsonObject, oneOf, text } from "../../row-columns";
import { stableJson } from "../../store/stable-json";
import { addSyncCounts, emptySyncCounts, formatSyncCounts } from "../../store/sync-counts";
import { type UserInput, upsertUsers } from "../../store/upsert-users";
import { type ParsedValue, streamRows } from "../../stream-rows";
import { hashKey } from "../hash-key";

const USER_GENDERS = ["female", "male", "unknown"] as const;
/** The most characters each free-text column may hold (docs/data-formats.md, "Length limits"). */
export const USER_TEXT_LIMITS = { user_id: 200, age_band: 50, city: 200 } as const;

/** The documented users format: docs/data-formats.md's `import users` table is written from it. */
export const UserRowSchema = z.object({
  user_id: text({ required: true, max: USER_TEXT_LIMITS.user_id }).describe(
    "the shop's shopper id (or first-party cookie id), unique in the file",
  ),
  gender: oneOf(USER_GENDERS).describe("default `unknown`"),
  age_band: text({ max: USER_TEXT_LIMITS.age_band }).describe("free text, e.g. `25-34`"),
  city: text({ max: USER_TEXT_LIMITS.city }).describe("free text"),
  attributes: jsonObject().describe("within the [attribute limits](#length-limits)"),
});

export function parseUserRow(record: TableRecord, file: string): ParsedValue<UserInput> {
  const parsed = readRow(UserRowSchema, record, file);
  if (!parsed.ok) return parsed;
  const row = parsed.value;
  const user: UserInput = {
    externalId: row.user_id,
    gender: row.gender ?? "unknown",
    ageBand: row.age_band ?? null,
    city: row.city ?? null,
    attributes: row.attributes ?? {},
  };
  return { ok: true, value: user, key: row.user_id, fingerprint: hashKey([stableJson(user)]) };
}

/** Imports shoppers (CSV or JSONL), upserted by user_id. */
export async function importUsers(context: ImportContext, input: Input): Promise<void> {
  const counts = emptySyncCounts();
  const { duplicates } = await streamRows<UserInput>(context, input, {
    schema: tableSchemaOf(UserRowSchema),
    keyColumn: "user_id",
    parse: parseUserRow,
    async write(tx, batch) {
      return addSyncCounts(
        counts,
        await upsertUsers(
          tx,
          batch.map((row) => row.value),
        ),
      );
    },
  });
  context.stats.counts = { users: counts, duplicatesCollapsed: duplicates };
  context.stats.summary = [`users: ${formatSyncCounts(counts)}`, `duplicate rows collapsed: ${duplicates}`];
}
