import type { ConstraintChip } from "@jewelguide/api";
import { describeConstraint, formatMessage, type Language, type Messages } from "@jewelguide/i18n";
import Link from "next/link";
import { buildRemoveChipHref, type GuideSearchParams } from "@/lib/guide-search-params";

type ConstraintChipsProps = {
  chips: ConstraintChip[];
  params: GuideSearchParams;
  messages: Messages;
  language: Language;
};

/**
 * What the conversation asks for, as chips; each chip is a link that removes it by adding a turn that says so
 * (keyboard accessible, no JavaScript).
 */
export function ConstraintChips({ chips, params, messages, language }: ConstraintChipsProps) {
  if (chips.length === 0) return null;
  return (
    <section aria-labelledby="understood-heading" className="flex flex-col gap-2">
      <h2 id="understood-heading" className="text-xs tracking-wide text-muted uppercase">
        {messages.guideUnderstood}
      </h2>
      <ul className="flex flex-wrap gap-2" data-testid="constraint-chips">
        {chips
          .map((chip) => ({ chip, label: describeConstraint(chip, language) }))
          .map(({ chip, label }) => (
            <li key={chip.field}>
              <Link
                href={buildRemoveChipHref(params, chip, language)}
                scroll={false}
                aria-label={formatMessage(messages.removeChip, { label })}
                title={chip.filters ? undefined : messages.contextOnly}
                data-field={chip.field}
                className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm transition-colors focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none ${
                  chip.filters
                    ? "border-gold-500 bg-gold-50 text-ink hover:bg-white"
                    : "border-dashed border-line bg-white text-muted hover:text-ink"
                }`}
              >
                {label}
                <span aria-hidden="true" className="text-muted">
                  ×
                </span>
              </Link>
              {!chip.filters && <span className="sr-only"> ({messages.contextOnly})</span>}
            </li>
          ))}
      </ul>
    </section>
  );
}
