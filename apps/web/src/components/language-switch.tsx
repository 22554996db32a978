import type { Language } from "@/i18n/languages";
import { setLanguage } from "@/i18n/set-language";

const OPTIONS: { value: Language; label: string; lang: string }[] = [
  { value: "zh", label: "中文", lang: "zh-CN" },
  { value: "en", label: "English", lang: "en" },
];

type LanguageSwitchProps = { language: Language; label: string };

/** 中文 | English: a form posting to a server action that sets the `lang` cookie (works without JavaScript too). */
export function LanguageSwitch({ language, label }: LanguageSwitchProps) {
  return (
    <form
      action={setLanguage}
      aria-label={label}
      className="flex shrink-0 rounded-full border border-line bg-white p-0.5 text-sm"
    >
      {OPTIONS.map((option) => {
        const active = option.value === language;
        return (
          <button
            key={option.value}
            type="submit"
            name="lang"
            value={option.value}
            lang={option.lang}
            aria-pressed={active}
            className={`rounded-full px-2.5 py-1 whitespace-nowrap transition-colors sm:px-3 ${
              active ? "bg-ink text-white" : "text-muted hover:text-ink"
            }`}
          >
            {option.label}
          </button>
        );
      })}
    </form>
  );
}
