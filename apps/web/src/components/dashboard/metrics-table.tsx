import type { DashboardMessages } from "../../i18n/dashboard-messages";

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
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <thead className="text-muted">
          <tr>
            {[first, t.impressions, t.ctr, t.cartRate, t.favoriteRate, t.conversion, t.revenue].map((title) => (
              <th key={title} className="px-2 py-1 font-normal">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-line">
              <td className="px-2 py-1">{row.label}</td>
              <td className="px-2 py-1">{row.impressions}</td>
              <td className="px-2 py-1">{formatRate(row.ctr)}</td>
              <td className="px-2 py-1">{formatRate(row.cartRate)}</td>
              <td className="px-2 py-1">{formatRate(row.favoriteRate)}</td>
              <td className="px-2 py-1">{formatRate(row.conversion)}</td>
              <td className="px-2 py-1">{row.revenue.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
