import { describeColumns, type RowSchema } from "../read-row";
import { CatalogRowSchema } from "./catalog/catalog-columns";
import { EventRowSchema } from "./events/parse-event-row";
import { NewchicRowSchema } from "./newchic/parse-newchic-row";
import { UserRowSchema } from "./users/import-users";

/** The row schemas whose column tables docs/data-formats.md shows, by the name its markers use. */
export const DOCUMENTED_ROW_SCHEMAS: Record<string, RowSchema> = {
  catalog: CatalogRowSchema,
  users: UserRowSchema,
  events: EventRowSchema,
  newchic: NewchicRowSchema,
};

/** The markdown table of a schema's columns: name, required, type or allowed values, and its `.describe()` text. */
export function renderColumnTable(schema: RowSchema): string {
  const rows = describeColumns(schema).map(
    (column) => `| \`${column.name}\` | ${column.required ? "yes" : "no"} | ${column.type} | ${column.description} |`,
  );
  return ["| column | required | type | rule |", "|---|---|---|---|", ...rows].join("\n");
}

const SECTION = /(<!-- columns: (\w+)[^>]*-->\n)[\s\S]*?(\n<!-- \/columns -->)/g;

/**
 * `markdown` with every `<!-- columns: NAME … -->` … `<!-- /columns -->` section holding NAME's current table.
 * Throws on a marker naming no documented schema, so a typo cannot leave a table unchecked.
 */
export function updateColumnTables(markdown: string): string {
  return markdown.replace(SECTION, (_section, open: string, name: string, close: string) => {
    const schema = DOCUMENTED_ROW_SCHEMAS[name];
    if (!schema) throw new Error(`docs/data-formats.md: no row schema named "${name}"`);
    return `${open}${renderColumnTable(schema)}${close}`;
  });
}
