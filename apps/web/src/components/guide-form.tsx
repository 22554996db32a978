import type { Messages } from "@jewelguide/i18n";
import { findConcept } from "@jewelguide/model/lexicon";
import { METAL_NAMES, METALS } from "@jewelguide/model/vocabulary";
import type { Language } from "@/i18n/languages";
import type { GuideSearchParams } from "@/lib/guide-search-params";

const RECIPIENTS = ["mother", "wife", "girlfriend", "husband", "boyfriend", "father", "friend", "self"];
const OCCASIONS = ["birthday", "anniversary", "wedding", "engagement", "valentine", "daily"];
const STYLES = ["minimalist", "classic", "vintage", "elegant", "statement"];

type GuideFormProps = { params: GuideSearchParams; language: Language; messages: Messages };

function conceptOptions(kind: string, values: string[], language: Language) {
  return values.map((value) => ({ value, label: findConcept(`${kind}:${value}`)?.[language] ?? value }));
}

/** Free text + quick choices, as a plain GET form: keyboard and no-JavaScript friendly, shareable URLs. */
export function GuideForm({ params, language, messages }: GuideFormProps) {
  const selects = [
    { name: "recipient", label: messages.guideRecipient, options: conceptOptions("recipient", RECIPIENTS, language) },
    { name: "occasion", label: messages.guideOccasion, options: conceptOptions("occasion", OCCASIONS, language) },
    { name: "budget", label: messages.guideBudget, options: messages.guideBudgetPresets },
    {
      name: "metal",
      label: messages.guideMetal,
      options: METALS.map((metal) => ({ value: metal, label: METAL_NAMES[metal][language] })),
    },
    { name: "style", label: messages.guideStyle, options: conceptOptions("style", STYLES, language) },
  ] as const;
  return (
    <form action="/guide" method="get" className="flex flex-col gap-4">
      <label htmlFor="guide-q" className="text-sm text-ink">
        {messages.guideLabel}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="guide-q"
          name="q"
          type="search"
          defaultValue={params.q[0] ?? ""}
          placeholder={messages.guidePlaceholder}
          maxLength={500}
          className="min-w-0 flex-1 rounded-full border border-line bg-white px-4 py-2.5 text-sm text-ink placeholder:text-muted focus-visible:border-gold-500 focus-visible:ring-2 focus-visible:ring-gold-500/40 focus-visible:outline-none"
        />
        <button
          type="submit"
          className="rounded-full bg-ink px-5 py-2.5 text-sm text-white transition-colors hover:bg-gold-700 focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
        >
          {messages.guideSubmit}
        </button>
      </div>
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <legend className="mb-2 text-xs tracking-wide text-muted uppercase">{messages.guideQuickChoices}</legend>
        {selects.map((select) => (
          <label key={select.name} className="flex flex-col gap-1 text-xs text-muted">
            {select.label}
            <select
              name={select.name}
              defaultValue={params[select.name] ?? ""}
              className="rounded-lg border border-line bg-white px-2 py-2 text-sm text-ink focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
            >
              <option value="">{messages.anyOption}</option>
              {select.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
    </form>
  );
}
