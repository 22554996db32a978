import type { DashboardMessages } from "@jewelguide/i18n";
import { DataTable } from "./data-table";

type Row = {
  key: string;
  label: string;
  impressions: number;
  ctr: number | null;
  cartRate: number | null;
  favoriteRate: number | null;
  conversion: number | null;
  revenue: number;
};

export function formatRate(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(2)}%`;
}

/** One table of online metrics; `first` names the grouping column. */
export function MetricsTable({ first, rows, t }: { first: string; rows: Row[]; t: DashboardMessages }) {
  return (
    <DataTable
      titles={[first, t.impressions, t.ctr, t.cartRate, t.favoriteRate, t.conversion, t.revenue]}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [
          row.label,
          row.impressions,
          formatRate(row.ctr),
          formatRate(row.cartRate),
          formatRate(row.favoriteRate),
          formatRate(row.conversion),
          row.revenue.toFixed(2),
        ],
      }))}
    />
  );
}
