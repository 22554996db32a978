import type { Messages } from "@jewelguide/i18n";
import Link from "next/link";
import type { Language } from "@/i18n/languages";
import { LanguageSwitch } from "./language-switch";

type SiteHeaderProps = { language: Language; messages: Messages };

export function SiteHeader({ language, messages }: SiteHeaderProps) {
  return (
    <header className="border-b border-line bg-white/70 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 py-4 sm:flex-nowrap sm:px-6">
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
        <div className="flex w-full items-center justify-between gap-2 sm:w-auto sm:justify-end sm:gap-4">
          <nav aria-label={messages.siteName} className="flex items-center gap-2 text-sm sm:gap-4">
            {[
              { href: "/guide", label: messages.navGuide },
              { href: "/favorites", label: messages.navFavorites },
              { href: "/cart", label: messages.navCart },
            ].map((link) => (
              <Link
                key={link.href}
                href={link.href}
                className="rounded-sm whitespace-nowrap text-muted transition-colors hover:text-gold-700 focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
              >
                {link.label}
              </Link>
            ))}
          </nav>
          <LanguageSwitch language={language} label={messages.languageLabel} />
        </div>
      </div>
    </header>
  );
}
