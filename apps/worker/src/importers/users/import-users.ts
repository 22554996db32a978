import type { ImportContext } from "../../import/import-context";
import { RowReader } from "../../import/row-reader";
import { type ParsedValue, streamRows } from "../../import/stream-rows";
import type { Input } from "../../io/open-input";
import type { TableRecord } from "../../io/read-table";
import { stableJson } from "../../store/stable-json";
import { addSyncCounts, emptySyncCounts, formatSyncCounts } from "../../store/sync-counts";
import { type UserInput, upsertUsers } from "../../store/upsert-users";
import { hashKey } from "../hash-key";

const USERS_SCHEMA = { required: ["user_id"], optional: ["gender", "age_band", "city", "attributes"] } as const;
const USER_GENDERS = ["female", "male", "unknown"] as const;
/** The most characters each free-text column may hold (docs/data-formats.md, "Length limits"). */
export const USER_TEXT_LIMITS = { user_id: 200, age_band: 50, city: 200 } as const;

export function parseUserRow(record: TableRecord, file: string): ParsedValue<UserInput> {
  const r = new RowReader(file, record.line, record.values);
  const externalId = r.string("user_id", { required: true, max: USER_TEXT_LIMITS.user_id });
  const user: UserInput = {
    externalId,
    gender: r.oneOf("gender", USER_GENDERS) ?? "unknown",
    ageBand: r.string("age_band", { max: USER_TEXT_LIMITS.age_band }) ?? null,
    city: r.string("city", { max: USER_TEXT_LIMITS.city }) ?? null,
    attributes: r.object("attributes") ?? {},
  };
  if (r.problems.length > 0) return { ok: false, problems: r.problems };
  return { ok: true, value: user, key: externalId, fingerprint: hashKey([stableJson(user)]) };
}

/** Imports shoppers (CSV or JSONL), upserted by user_id. */
export async function importUsers(context: ImportContext, input: Input): Promise<void> {
  const counts = emptySyncCounts();
  const { duplicates } = await streamRows<UserInput>(context, input, {
    schema: USERS_SCHEMA,
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
