import type { ReactNode } from "react";

/** Class of the dashboard's small outlined buttons (publish, roll back, A/B test controls, log out). */
export const DASHBOARD_BUTTON =
  "rounded border border-line px-2 py-1 text-xs hover:border-gold-500 hover:text-gold-700";

/** One headed section of the dashboard; the heading's id labels the section. */
export function DashboardSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <h2 id={id} className="font-serif text-2xl text-ink">
        {heading}
      </h2>
      {children}
    </section>
  );
}
