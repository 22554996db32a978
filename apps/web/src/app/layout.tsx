import { getMessages } from "@jewelguide/i18n";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getLanguage } from "@/i18n/get-language";
import { LOCALES } from "@/i18n/languages";
import { TRPCReactProvider } from "@/trpc/client";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const messages = getMessages(await getLanguage());
  return { title: { default: `${messages.siteName} · ${messages.tagline}`, template: `%s · ${messages.siteName}` } };
}

export const viewport: Viewport = { themeColor: "#fbf8f3", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const language = await getLanguage();
  const messages = getMessages(language);
  return (
    <html lang={LOCALES[language]}>
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>
          <SiteHeader language={language} messages={messages} />
          <main className="mx-auto max-w-6xl px-4 sm:px-6">{children}</main>
          <SiteFooter messages={messages} />
        </TRPCReactProvider>
      </body>
    </html>
  );
}
