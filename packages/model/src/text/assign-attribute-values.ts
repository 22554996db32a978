import { ATTRIBUTE_KINDS, type AttributeKind, readAttributeValue } from "./read-attribute-value";

export type AttributeAssignment = {
  /** The value each column takes; a column that found none is absent (category: `other` when its cell was given). */
  values: Partial<Record<AttributeKind, string>>;
  /** Cells not entirely stored, as written, by column: to be merged into the product's attributes. */
  kept: Partial<Record<AttributeKind, string>>;
  /** Why each kept cell was kept, by column ("\"bronze\" not in the lexicon: kept as attributes.metal"). */
  warnings: Array<{ field: AttributeKind; message: string }>;
};

/**
 * A product's category, metal, gem, colour and gender from the cells a catalog row or an API row gives, each read by
 * readAttributeValue — the one rule `import catalog` and the HTTP API share. Each column takes the first value of its
 * own kind (a category cell that names none gives `other`); a value of another kind fills a column the row does not
 * give and does not clear (`cleared`): "white gold, diamonds" as the metal also gives the gem. A cell not entirely
 * stored — a part the lexicon does not know, no value of its kind, a second value of its kind, or a value of another
 * kind whose column is taken — is kept as written, with a warning; it is never a reason to refuse the row.
 */
export function assignAttributeValues(
  cells: Partial<Record<AttributeKind, string>>,
  cleared: ReadonlySet<AttributeKind> = new Set(),
): AttributeAssignment {
  const assignment: AttributeAssignment = { values: {}, kept: {}, warnings: [] };
  const keep = (field: AttributeKind, written: string, message: string) => {
    if (assignment.kept[field] !== undefined) return;
    assignment.kept[field] = written;
    assignment.warnings.push({ field, message: `${message}: kept as attributes.${field}` });
  };
  const readings = ATTRIBUTE_KINDS.flatMap((kind) => {
    const written = cells[kind];
    return written === undefined ? [] : [{ kind, written, reading: readAttributeValue(written, kind) }];
  });
  for (const { kind, written, reading } of readings) {
    const [first, ...more] = reading.values[kind] ?? [];
    const fallback = kind === "category" && first === undefined ? " (stored as other)" : "";
    if (first !== undefined) assignment.values[kind] = first;
    else if (kind === "category") assignment.values.category = "other";
    if (reading.unknown.length > 0) {
      keep(
        kind,
        written,
        `${reading.unknown.map((part) => JSON.stringify(part)).join(", ")} not in the lexicon${fallback}`,
      );
    } else if (first === undefined) {
      keep(kind, written, `${JSON.stringify(written)} names no ${kind}${fallback}`);
    } else if (more.length > 0) {
      keep(kind, written, `names several values (${[first, ...more].join(", ")}): stored ${first}`);
    }
  }
  for (const { kind, written, reading } of readings) {
    for (const other of ATTRIBUTE_KINDS) {
      if (other === kind) continue;
      for (const value of reading.values[other] ?? []) {
        const fillable = cells[other] === undefined && !cleared.has(other);
        if (fillable && assignment.values[other] === undefined) assignment.values[other] = value;
        else if (assignment.values[other] !== value) {
          keep(kind, written, `also names ${other} ${value}, but ${other} is ${assignment.values[other] ?? "empty"}`);
        }
      }
    }
  }
  return assignment;
}
