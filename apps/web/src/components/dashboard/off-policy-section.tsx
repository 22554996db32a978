import { type DashboardMessages, formatMessage } from "@jewelguide/i18n";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DashboardSection } from "./dashboard-section";
import { DataTable } from "./data-table";
import { formatRate } from "./metrics-table";

type OffPolicyRows = DashboardOutputs["offPolicy"];
type Interval = OffPolicyRows[number]["estimates"][number]["doublyRobust"];

/** "1.23% [0.90%, 1.56%]": an estimate with its 95 % interval. */
function formatInterval(interval: Interval): string {
  return `${formatRate(interval.estimate)} [${formatRate(interval.lower)}, ${formatRate(interval.upper)}]`;
}

/**
 * Each candidate version's stored off-policy estimates (worker evaluate --off-policy), beside the A/B tests: what the
 * logged exploration traffic says it would earn per exploration slot, with intervals and the two numbers that say how
 * far to trust them (effective sample size, supported share).
 */
export function OffPolicySection({ rows, t }: { rows: OffPolicyRows; t: DashboardMessages }) {
  const estimates = rows.flatMap((row) => row.estimates.map((estimate) => ({ row, estimate })));
  const problems = rows.filter((row) => row.problem !== undefined);
  return (
    <DashboardSection id="off-policy" heading={t.offPolicy}>
      <p className="text-sm text-muted">{t.offPolicyIntro}</p>
      {problems.map((row) => (
        <p key={row.id} role="alert" className="text-sm text-red-800">
          {formatMessage(t.offPolicyMalformed, { id: row.id, problem: row.problem ?? "" })}
        </p>
      ))}
      {estimates.length > 0 ? (
        <DataTable
          titles={[
            t.id,
            t.offPolicyTarget,
            t.offPolicyReward,
            t.offPolicyLogged,
            t.offPolicyIps,
            t.offPolicySnips,
            t.offPolicyDr,
            t.offPolicyDecisions,
            t.offPolicyEss,
            t.offPolicySupport,
            t.offPolicyWindow,
          ]}
          rows={estimates.map(({ row, estimate }) => ({
            key: `${row.id}|${estimate.target}|${estimate.reward}`,
            cells: [
              `v${row.id} ${row.kind} (${row.status})`,
              t.offPolicyTargets[estimate.target] ?? estimate.target,
              t.offPolicyRewards[estimate.reward] ?? estimate.reward,
              formatInterval(estimate.loggedReward),
              formatInterval(estimate.inversePropensity),
              formatInterval(estimate.selfNormalised),
              formatInterval(estimate.doublyRobust),
              estimate.decisions,
              estimate.effectiveSampleSize.toFixed(1),
              formatInterval(estimate.supportedShare),
              `${estimate.firstServedAt.slice(0, 16).replace("T", " ")} – ${estimate.lastServedAt.slice(0, 16).replace("T", " ")}`,
            ],
          }))}
        />
      ) : (
        <p>{t.noOffPolicy}</p>
      )}
    </DashboardSection>
  );
}
