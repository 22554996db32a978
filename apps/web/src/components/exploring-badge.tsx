import type { Messages, PickReason } from "@jewelguide/i18n";

/**
 * The card's badge for a pick the feed's exploration policy chose rather than the model's ranking (reason
 * `exploring`), so the shopper sees which piece is there because the shop is still learning about it.
 */
export function ExploringBadge({ reason, messages }: { reason: PickReason; messages: Messages }) {
  if (reason.kind !== "exploring") return null;
  return (
    <span
      className="absolute top-2 left-2 rounded-full bg-ink/85 px-2 py-0.5 text-[11px] font-medium text-white"
      data-testid="exploring-label"
    >
      {messages.exploringLabel}
    </span>
  );
}
