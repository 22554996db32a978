import type { DashboardMessages } from "@jewelguide/i18n";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DashboardSection } from "./dashboard-section";
import { formatRate } from "./metrics-table";

type CatalogHealthSectionProps = { health: DashboardOutputs["catalogHealth"]; t: DashboardMessages };

/** Catalog health: counts of products without photo, features or interactions, never recommended, and coverage. */
export function CatalogHealthSection({ health, t }: CatalogHealthSectionProps) {
  return (
    <DashboardSection id="health" heading={t.health}>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        {[
          [t.products, String(health.products)],
          [t.withoutPhoto, String(health.withoutPhoto.count)],
          [t.withoutFeatures, String(health.withoutFeatures.count)],
          [t.cold, String(health.cold.count)],
          [t.neverRecommended, String(health.neverRecommended.count)],
          [t.coverage, formatRate(health.recommendationCoverage)],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-line p-3">
            <dt className="text-muted">{label}</dt>
            <dd className="text-xl text-ink tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <details className="text-sm">
        <summary className="cursor-pointer text-muted">{t.neverRecommended}</summary>
        <ul className="mt-2 columns-2">
          {health.neverRecommended.sample.map((product) => (
            <li key={product.id}>
              {product.sku} · {product.category}
            </li>
          ))}
        </ul>
      </details>
    </DashboardSection>
  );
}
