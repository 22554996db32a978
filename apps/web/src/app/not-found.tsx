import { getMessages } from "@jewelguide/i18n";
import Link from "next/link";
import { getLanguage } from "@/i18n/get-language";

export default async function NotFound() {
  const messages = getMessages(await getLanguage());
  return (
    <div className="flex flex-col items-center py-28 text-center">
      <p className="font-serif text-6xl text-gold-300">404</p>
      <h1 className="mt-4 font-serif text-2xl text-ink">{messages.notFoundTitle}</h1>
      <p className="mt-2 text-sm text-muted">{messages.notFoundText}</p>
      <Link
        href="/"
        className="mt-8 rounded-full border border-ink bg-ink px-5 py-2 text-sm text-white transition-colors hover:bg-gold-700"
      >
        {messages.backToShop}
      </Link>
    </div>
  );
}
