const SHOWN_CHARACTERS = 60;

/**
 * A value as an error message shows it: JSON-quoted and cut to its first 60 characters with its full length, so a
 * 1 MB field never floods the terminal, the rejects file's message column or the ImportRun row.
 */
export function quoteValue(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  if (text.length <= SHOWN_CHARACTERS) return typeof value === "string" ? JSON.stringify(value) : text;
  return `${JSON.stringify(text.slice(0, SHOWN_CHARACTERS))}… (${text.length.toLocaleString("en-US")} characters)`;
}
