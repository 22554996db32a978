import type { Messages } from "@jewelguide/i18n";

export function SiteFooter({ messages }: { messages: Messages }) {
  return (
    <footer className="mt-16 border-t border-line px-4 py-8 text-center text-xs tracking-wide text-muted">
      {messages.footer}
    </footer>
  );
}
