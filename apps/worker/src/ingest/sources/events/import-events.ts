import type { ImportContext } from "../../import-context";
import type { Input } from "../../read/open-input";
import { tableSchemaOf } from "../../read-row";
import { findProductIds } from "../../store/find-ids";
import { type InteractionInput, insertInteractions } from "../../store/insert-interactions";
import { streamRows } from "../../stream-rows";
import { EventRowSchema, parseEventRow } from "./parse-event-row";

/** Imports shopper events (CSV or JSONL). Every sku must already be in the catalog; users are created as needed. */
export async function importEvents(context: ImportContext, input: Input): Promise<void> {
  const counts = { stored: 0, alreadyStored: 0, usersCreated: 0 };
  const { duplicates } = await streamRows<InteractionInput>(context, input, {
    schema: tableSchemaOf(EventRowSchema),
    keyColumn: "event_id",
    parse: parseEventRow,
    async check(tx, batch) {
      const ids = await findProductIds(
        tx,
        batch.map((row) => row.value.sku),
      );
      return batch.map((row) =>
        ids.has(row.value.sku)
          ? []
          : [
              {
                file: input.name,
                line: row.line,
                column: "sku",
                message: `unknown product ${JSON.stringify(row.value.sku)} (import it with \`import catalog\` first)`,
              },
            ],
      );
    },
    async write(tx, batch) {
      const result = await insertInteractions(
        tx,
        context.dialect,
        batch.map((row) => row.value),
      );
      counts.stored += result.inserted;
      counts.alreadyStored += result.existing;
      counts.usersCreated += result.usersCreated;
      return { imported: result.inserted, unchanged: result.existing };
    },
  });
  context.stats.counts = { interactions: counts, duplicatesCollapsed: duplicates };
  context.stats.summary = [
    `interactions: ${counts.stored} stored now, ${counts.alreadyStored} already stored`,
    `users created: ${counts.usersCreated}`,
    `duplicate rows collapsed: ${duplicates}`,
  ];
}
