/**
 * A fixed-width text table for the terminal: a heading line of `columns`, then one line per row, each column as wide
 * as its widest cell (or title), two spaces apart, no trailing spaces; ends with a newline.
 */
export function formatTextTable(columns: readonly string[], rows: readonly string[][]): string {
  const widths = columns.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return `${[line(columns), ...rows.map(line)].join("\n")}\n`;
}
