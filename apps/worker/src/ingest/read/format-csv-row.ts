/** Formats one CSV row (RFC 4180 quoting) with a trailing newline. */
export function formatCsvRow(fields: string[]): string {
  return `${fields.map(quoteField).join(",")}\n`;
}

function quoteField(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
