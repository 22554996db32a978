import type { z } from "zod";
import type { Problem } from "./problem";
import type { TableRecord, TableSchema } from "./read/read-table";
import type { ColumnMeta } from "./row-columns";

/** The zod schema of one file kind's rows: one `row-columns` schema per column, each with its `.describe()` text. */
export type RowSchema = z.ZodObject<Record<string, z.ZodType<unknown, unknown>>>;

/** Validates a row against its schema: its typed values, or every problem of every column at once. */
export function readRow<S extends RowSchema>(
  schema: S,
  record: TableRecord,
  file: string,
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(record.values);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => ({
    file,
    line: record.line,
    column: String(issue.path[0] ?? ""),
    message: issue.message,
  }));
  return { ok: false, problems };
}

/** A column's name, required flag, type and description, as docs/data-formats.md lists them. */
export type ColumnDoc = ColumnMeta & { name: string; description: string };

export function describeColumns(schema: RowSchema): ColumnDoc[] {
  return Object.entries(schema.shape).map(([name, column]) => {
    const meta = column.meta() as (ColumnMeta & { description?: string }) | undefined;
    if (!meta?.type || !meta.description) throw new Error(`column ${name}: a row-columns schema with .describe() text`);
    return { name, required: meta.required, type: meta.type, description: meta.description };
  });
}

/** The header rules of a schema: its required and optional column names. */
export function tableSchemaOf(schema: RowSchema, options: { allowUnknown?: boolean } = {}): TableSchema {
  const columns = describeColumns(schema);
  return {
    required: columns.filter((column) => column.required).map((column) => column.name),
    optional: columns.filter((column) => !column.required).map((column) => column.name),
    ...options,
  };
}
