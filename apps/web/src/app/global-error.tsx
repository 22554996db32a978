"use client";

import { ServerFaultNotice } from "@/components/server-fault-notice";
import "./globals.css";

type GlobalErrorProps = { error: Error & { digest?: string }; retry: () => void };

/** The root layout itself failed: its own document, with the same generic message and digest as app/error.tsx. */
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-6xl px-4 sm:px-6">
          <ServerFaultNotice digest={error.digest} retry={retry} />
        </main>
      </body>
    </html>
  );
}
