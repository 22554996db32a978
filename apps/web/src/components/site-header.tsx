import Link from "next/link";
import type { Messages } from "../i18n/dictionary";
import type { Language } from "../i18n/languages";
import { LanguageSwitch } from "./language-switch";

type SiteHeaderProps = { language: Language; messages: Messages };

export function SiteHeader({ language, messages }: SiteHeaderProps) {
  return (
    <header className="border-b border-line bg-white/70 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" className="group flex min-w-0 items-center gap-2 rounded-sm sm:gap-3">
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-6 shrink-0 text-gold-500 sm:size-7"
            fill="none"
            stroke="currentColor"
          >
            <path d="M6 3h12l4 6-10 12L2 9l4-6Z" strokeWidth="1.2" strokeLinejoin="round" />
            <path d="M2 9h20M9 3l3 18M15 3l-3 18" strokeWidth="0.8" />
          </svg>
          <span className="flex min-w-0 flex-col leading-tight">
            <span className="font-serif text-xl tracking-[0.12em] text-ink uppercase sm:text-2xl sm:tracking-[0.18em]">
              {messages.siteName}
            </span>
            <span className="truncate text-xs tracking-wide text-muted">{messages.tagline}</span>
          </span>
        </Link>
        <LanguageSwitch language={language} label={messages.languageLabel} />
      </div>
    </header>
  );
}
