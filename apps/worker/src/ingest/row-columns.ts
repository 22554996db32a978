import { z } from "zod";
import { checkAttributes } from "./check-attributes";
import { parseIsoDate } from "./parse-iso-date";
import { quoteValue } from "./quote-value";
import { type Price, readPrice } from "./read-price";
import { ATTRIBUTE_LIMITS, TEXT_LIMITS, tooLongMessage } from "./text-limits";

/** What docs/data-formats.md shows of a column besides its name and `.describe()` text. */
export type ColumnMeta = { required: boolean; type: string };

type Required = { required: true };
type Optional = { required?: false };
type Presence = { required?: boolean };
/** Reads a present value (strings trimmed); `report` rejects it with a message and the value is dropped. */
type Report = (message: string) => undefined;
type Read<T> = (value: unknown, report: Report) => T | undefined;

/**
 * One column of a CSV/JSONL row as a zod schema. Empty strings and null count as absent: a required column reports
 * "is required", an optional one gives undefined. Every other problem is one zod issue with the message the docs
 * show, so a row reports all its bad columns at once; the column's type string is zod metadata for the docs.
 */
function column<T>(type: string, presence: Required, read: Read<T>): z.ZodType<T, unknown>;
function column<T>(type: string, presence: Presence, read: Read<T>): z.ZodType<T | undefined, unknown>;
function column<T>(type: string, presence: Presence, read: Read<T>): z.ZodType<T | undefined, unknown> {
  const required = presence.required ?? false;
  const meta: ColumnMeta = { required, type };
  return z
    .unknown()
    .optional()
    .transform((raw, context): T | undefined => {
      const value = typeof raw === "string" ? raw.trim() : raw;
      if (value === undefined || value === null || value === "") {
        if (required) context.addIssue({ code: "custom", message: "is required" });
        return undefined;
      }
      let failed = false;
      const result = read(value, (message) => {
        failed = true;
        context.addIssue({ code: "custom", message });
        return undefined;
      });
      return failed ? undefined : result;
    })
    .meta(meta);
}

/** The value as text when it is within `max` characters, else reported with its length. */
function bounded(value: unknown, max: number, report: Report): string | undefined {
  const text = typeof value === "string" ? value : String(value);
  if (text.length <= max) return text;
  report(tooLongMessage(text.length, max));
  return undefined;
}

type TextOptions = Presence & { max: number; type?: string; check?: (text: string) => string | undefined };

/** Text of at most `max` characters (a longer value is reported, never cut); `check` may refuse it with a message. */
export function text(options: TextOptions & Required): z.ZodType<string, unknown>;
export function text(options: TextOptions & Optional): z.ZodType<string | undefined, unknown>;
export function text(options: TextOptions): z.ZodType<string | undefined, unknown> {
  const type = options.type ?? `text, at most ${options.max.toLocaleString("en-US")} characters`;
  return column(type, options, (value, report) => {
    if (typeof value !== "string" && typeof value !== "number") return report(`${quoteValue(value)} is not text`);
    const result = bounded(value, options.max, report);
    const problem = result === undefined ? undefined : options.check?.(result);
    if (problem) report(problem);
    return result;
  });
}

function readNumber(value: unknown, min: number | undefined, report: Report): number | undefined {
  if (typeof value === "string" && bounded(value, TEXT_LIMITS.number, report) === undefined) return undefined;
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(number)) return report(`${quoteValue(value)} is not a number`);
  if (min !== undefined && number < min) return report(`${number} is below the minimum ${min}`);
  return number;
}

type NumberOptions = Presence & { min?: number };

/** A number: JSON number or text like `1234.50` (`.` decimal separator, no thousands separator). */
export function number(options: NumberOptions & Required): z.ZodType<number, unknown>;
export function number(options?: NumberOptions & Optional): z.ZodType<number | undefined, unknown>;
export function number(options: NumberOptions = {}): z.ZodType<number | undefined, unknown> {
  const type = options.min === undefined ? "number" : `number ≥ ${options.min}`;
  return column(type, options, (value, report) => readNumber(value, options.min, report));
}

/**
 * A price: a JSON number, or text with an optional currency mark and thousands separators (`¥1,299.00`, `1299元`,
 * `1,250.00 USD`); the mark's currency comes back with the amount.
 */
export function price(options: Presence & Required & { min: number }): z.ZodType<Price, unknown> {
  return column("number ≥ 0, optionally with a currency mark", options, (value, report) => {
    if (typeof value === "number")
      return readNumber(value, options.min, report) === undefined ? undefined : { amount: value };
    const text = bounded(value, TEXT_LIMITS.number, report);
    if (text === undefined) return undefined;
    const read = readPrice(text);
    if (!read) return report(`${quoteValue(value)} is not a number`);
    if (read.amount < options.min) return report(`${read.amount} is below the minimum ${options.min}`);
    return read;
  });
}

/** A whole number. */
export function integer(options: NumberOptions & Required): z.ZodType<number, unknown>;
export function integer(options?: NumberOptions & Optional): z.ZodType<number | undefined, unknown>;
export function integer(options: NumberOptions = {}): z.ZodType<number | undefined, unknown> {
  const type = options.min === undefined ? "whole number" : `whole number ≥ ${options.min}`;
  return column(type, options, (value, report) => {
    const number = readNumber(value, options.min, report);
    if (number !== undefined && !Number.isInteger(number)) return report(`${number} is not a whole number`);
    return number;
  });
}

/** true/false, also 1/0 and yes/no. */
export function boolean(): z.ZodType<boolean | undefined, unknown> {
  return column("`true/false`, `1/0`, `yes/no`", {}, (value, report) => {
    if (typeof value === "boolean") return value;
    const word = String(value).toLowerCase();
    if (["true", "1", "yes"].includes(word)) return true;
    if (["false", "0", "no"].includes(word)) return false;
    return report(`${quoteValue(value)} is not true/false (also 1/0, yes/no)`);
  });
}

/** ISO 8601: a date (2024-05-01, midnight UTC) or a date-time with a time zone (Z or ±hh:mm). */
export function date(options: Required): z.ZodType<Date, unknown>;
export function date(options?: Optional): z.ZodType<Date | undefined, unknown>;
export function date(options: Presence = {}): z.ZodType<Date | undefined, unknown> {
  return column("ISO 8601 date, or date-time with zone", options, (value, report) => {
    const text = bounded(value, TEXT_LIMITS.date, report);
    if (text === undefined) return undefined;
    const parsed = parseIsoDate(text);
    if (!parsed) {
      report(`${quoteValue(text)} is not an ISO 8601 date or date-time with time zone (e.g. 2024-05-01T12:30:00Z)`);
    }
    return parsed;
  });
}

/** One word of a fixed vocabulary, case-insensitive, returned lower-case. */
export function oneOf<T extends string>(allowed: readonly T[], options: Required): z.ZodType<T, unknown>;
export function oneOf<T extends string>(allowed: readonly T[], options?: Optional): z.ZodType<T | undefined, unknown>;
export function oneOf<T extends string>(
  allowed: readonly T[],
  options: Presence = {},
): z.ZodType<T | undefined, unknown> {
  const type = `one of ${allowed.map((word) => `\`${word}\``).join(" ")}`;
  return column(type, options, (value, report) => {
    const word = bounded(value, TEXT_LIMITS.vocabulary, report)?.toLowerCase();
    if (word === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(word))
      return report(`${quoteValue(value)} is not one of ${allowed.join(", ")}`);
    return word as T;
  });
}

/** A JSON object: an object in JSONL, JSON text in CSV; within ATTRIBUTE_LIMITS at every depth. */
export function jsonObject(): z.ZodType<Record<string, unknown> | undefined, unknown> {
  return column("JSON object (in CSV: JSON text)", {}, (value, report) => {
    let parsed: unknown = value;
    if (typeof value === "string") {
      if (value.length > ATTRIBUTE_LIMITS.jsonCharacters) {
        return report(`as JSON ${tooLongMessage(value.length, ATTRIBUTE_LIMITS.jsonCharacters)}`);
      }
      try {
        parsed = JSON.parse(value);
      } catch {
        return report("is not valid JSON");
      }
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return report("must be a JSON object");
    const problems = checkAttributes(parsed as Record<string, unknown>);
    for (const message of problems) report(message);
    return parsed as Record<string, unknown>;
  });
}

/** A column the header may carry that the importer neither reads nor checks. */
export function ignored(): z.ZodType<undefined, unknown> {
  return column("not read", {}, () => undefined);
}
