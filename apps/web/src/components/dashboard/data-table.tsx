import type { ReactNode } from "react";

export type DataTableRow = { key: string | number; cells: ReactNode[]; highlight?: boolean };

/**
 * The dashboard's tables: a header of column titles (unique within a table) and one row of cells per entry, scrolling
 * sideways on a narrow screen.
 */
export function DataTable({ titles, rows }: { titles: string[]; rows: DataTableRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <thead className="text-muted">
          <tr>
            {titles.map((title) => (
              <th key={title} className="px-2 py-1 font-normal">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`border-t border-line ${row.highlight ? "bg-gold-50" : ""}`}>
              {row.cells.map((cell, column) => (
                <td key={titles[column] ?? `extra-${column}`} className="px-2 py-1">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
