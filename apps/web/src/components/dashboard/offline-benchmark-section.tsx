import { type DashboardMessages, formatMessage } from "@jewelguide/i18n";
import { BarChart } from "./bar-chart";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DashboardSection } from "./dashboard-section";
import { DataTable } from "./data-table";

const BENCHMARK_METRICS = ["recall@20", "ndcg@20", "precision@20", "recall@10", "ndcg@10", "cold_recall@20"];

type OfflineBenchmarkSectionProps = { benchmark: DashboardOutputs["offlineBenchmark"]; t: DashboardMessages };

/** The recorded offline benchmark (joint model, its ablations and the baselines), as a table and two charts. */
export function OfflineBenchmarkSection({ benchmark, t }: OfflineBenchmarkSectionProps) {
  return (
    <DashboardSection id="benchmark" heading={t.benchmark}>
      {benchmark === null ? (
        <p className="text-sm text-muted">{t.benchmarkMissing}</p>
      ) : (
        <>
          <p className="text-sm text-muted">{formatMessage(t.benchmarkIntro, { file: benchmark.file ?? "REES46" })}</p>
          <DataTable
            titles={[t.model, t.role, ...BENCHMARK_METRICS]}
            rows={benchmark.rows.map((row) => ({
              key: row.name,
              cells: [
                row.name,
                t.roles[row.role],
                ...BENCHMARK_METRICS.map((metric) => row.metrics[metric]?.toFixed(4) ?? "–"),
              ],
            }))}
          />
          <div className="grid gap-6 md:grid-cols-2">
            {["recall@20", "ndcg@20"].map((metric) => (
              <BarChart
                key={metric}
                title={formatMessage(t.benchmarkChart, { metric })}
                bars={benchmark.rows.map((row) => ({
                  label: row.name.replace("joint-no-", "−"),
                  value: row.metrics[metric] ?? 0,
                  highlight: row.role === "joint",
                }))}
              />
            ))}
          </div>
        </>
      )}
    </DashboardSection>
  );
}
