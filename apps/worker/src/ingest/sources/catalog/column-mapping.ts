import fs from "node:fs";
import { UsageError } from "../../../cli/usage-error";
import { describeColumns } from "../../read-row";
import { CatalogRowSchema } from "./catalog-columns";

/** A file's column name → the catalog column it is read as. */
export type ColumnMapping = Record<string, string>;

/** What happens to a column that is neither a catalog column nor mapped onto one. */
export type UnknownColumns = "keep" | "ignore";

export const CATALOG_COLUMN_NAMES: readonly string[] = describeColumns(CatalogRowSchema).map((column) => column.name);

/** `--map ref=sku,categorie=category,title=title_en`: pairs of `file column=catalog column`, comma separated. */
export function parseMapFlag(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of text.split(",")) {
    if (pair.trim() === "") continue;
    const at = pair.lastIndexOf("=");
    if (at <= 0) throw new UsageError(`--map: "${pair}" is not file_column=catalog_column`);
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return checkMapping(mapping, "--map");
}

/** `--map-file mapping.json`: one JSON object, `{"file column": "catalog column", …}` (any column name, 中文 too). */
export function readMapFile(file: string): ColumnMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`--map-file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`--map-file ${file}: expected one JSON object of "file column": "catalog column"`);
  }
  const mapping: ColumnMapping = {};
  for (const [source, target] of Object.entries(parsed)) {
    if (typeof target !== "string") throw new UsageError(`--map-file ${file}: "${source}" must map to a column name`);
    mapping[source] = target;
  }
  return checkMapping(mapping, `--map-file ${file}`);
}

/** Refuses a target that is no catalog column, and two file columns mapped onto one. */
function checkMapping(mapping: ColumnMapping, where: string): ColumnMapping {
  const seen = new Map<string, string>();
  for (const [source, target] of Object.entries(mapping)) {
    if (!CATALOG_COLUMN_NAMES.includes(target)) {
      throw new UsageError(
        `${where}: "${source}" maps to "${target}", which is no catalog column (${CATALOG_COLUMN_NAMES.join(", ")})`,
      );
    }
    const other = seen.get(target);
    if (other !== undefined) throw new UsageError(`${where}: "${other}" and "${source}" both map to "${target}"`);
    seen.set(target, source);
  }
  return mapping;
}
