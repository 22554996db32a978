/**
 * Length limits shared by every importer (docs/data-formats.md, "Length limits"). Lengths are counted as JavaScript
 * counts them: one per character of Chinese or accented Latin text, two per emoji. A longer value rejects its row;
 * nothing is ever stored truncated.
 */
export const TEXT_LIMITS = {
  /** A value that must be one of a fixed vocabulary (category, metal, gender, type, label…), checked first. */
  vocabulary: 100,
  /** A number as text ("1234.50"). */
  number: 40,
  /** An ISO 8601 date or date-time as text. */
  date: 50,
} as const;

/** Limits on a JSON `attributes` object, at any depth. */
export const ATTRIBUTE_LIMITS = {
  /** The whole object as JSON text. */
  jsonCharacters: 20_000,
  keyCharacters: 100,
  /** A string value. */
  valueCharacters: 2_000,
  keysPerObject: 100,
  /** Objects and arrays inside one another, the attributes object itself being depth 1. */
  depth: 5,
} as const;

/** The message of an over-long value: the actual length and the limit, never the value itself. */
export function tooLongMessage(length: number, max: number): string {
  return `is ${length.toLocaleString("en-US")} characters long; at most ${max.toLocaleString("en-US")} allowed`;
}
