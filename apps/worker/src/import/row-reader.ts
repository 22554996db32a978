import { checkAttributes } from "./check-attributes";
import type { Problem } from "./problem";
import { quoteValue } from "./quote-value";
import { ATTRIBUTE_LIMITS, TEXT_LIMITS, tooLongMessage } from "./text-limits";

/**
 * Reads typed values out of one CSV/JSONL row, collecting a Problem (file, line, column) for every bad value
 * instead of throwing, so a row reports all its mistakes at once. Empty strings and null count as absent.
 * Every read has a length limit (a text column names its own `max`); messages quote at most 60 characters of a value.
 */
export class RowReader {
  readonly problems: Problem[] = [];

  constructor(
    private readonly file: string,
    private readonly line: number,
    private readonly values: Record<string, unknown>,
  ) {}

  report(column: string, message: string): void {
    this.problems.push({ file: this.file, line: this.line, column, message });
  }

  private present(column: string, required: boolean): unknown {
    const value = this.values[column];
    const absent = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
    if (absent) {
      if (required) this.report(column, "is required");
      return undefined;
    }
    return typeof value === "string" ? value.trim() : value;
  }

  /** Text of at most `max` characters; a longer value is reported (with its length) and not returned, never cut. */
  string(column: string, options: { required: true; max: number }): string;
  string(column: string, options: { required?: false; max: number }): string | undefined;
  string(column: string, options: { required?: boolean; max: number }): string | undefined {
    const value = this.present(column, options.required ?? false);
    if (value === undefined) return options.required ? "" : undefined;
    if (typeof value !== "string" && typeof value !== "number") {
      this.report(column, `${quoteValue(value)} is not text`);
      return undefined;
    }
    const text = String(value);
    if (text.length <= options.max) return text;
    this.report(column, tooLongMessage(text.length, options.max));
    return options.required ? "" : undefined;
  }

  /** The value as text when it is within `max` characters; otherwise reports its length and returns undefined. */
  private bounded(column: string, value: unknown, max: number): string | undefined {
    const text = typeof value === "string" ? value : String(value);
    if (text.length <= max) return text;
    this.report(column, tooLongMessage(text.length, max));
    return undefined;
  }

  number(column: string, options: { required?: boolean; min?: number } = {}): number | undefined {
    const value = this.present(column, options.required ?? false);
    if (value === undefined) return undefined;
    if (typeof value === "string" && this.bounded(column, value, TEXT_LIMITS.number) === undefined) return undefined;
    const number =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)
          ? Number(value)
          : Number.NaN;
    if (!Number.isFinite(number)) {
      this.report(column, `${quoteValue(value)} is not a number`);
      return undefined;
    }
    if (options.min !== undefined && number < options.min) {
      this.report(column, `${number} is below the minimum ${options.min}`);
      return undefined;
    }
    return number;
  }

  integer(column: string, options: { required?: boolean; min?: number } = {}): number | undefined {
    const value = this.number(column, options);
    if (value !== undefined && !Number.isInteger(value)) {
      this.report(column, `${value} is not a whole number`);
      return undefined;
    }
    return value;
  }

  boolean(column: string): boolean | undefined {
    const value = this.present(column, false);
    if (value === undefined) return undefined;
    if (typeof value === "boolean") return value;
    const text = String(value).toLowerCase();
    if (["true", "1", "yes"].includes(text)) return true;
    if (["false", "0", "no"].includes(text)) return false;
    this.report(column, `${quoteValue(value)} is not true/false (also 1/0, yes/no)`);
    return undefined;
  }

  /** ISO 8601: a date (2024-05-01, midnight UTC) or a date-time with a time zone (Z or ±hh:mm). */
  date(column: string, options: { required?: boolean } = {}): Date | undefined {
    const value = this.present(column, options.required ?? false);
    if (value === undefined) return undefined;
    const text = this.bounded(column, value, TEXT_LIMITS.date);
    if (text === undefined) return undefined;
    const date = parseIsoDate(text);
    if (!date) {
      this.report(
        column,
        `${quoteValue(text)} is not an ISO 8601 date or date-time with time zone (e.g. 2024-05-01T12:30:00Z)`,
      );
    }
    return date;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], options: { required?: boolean } = {}): T | undefined {
    const value = this.present(column, options.required ?? false);
    if (value === undefined) return undefined;
    const text = this.bounded(column, value, TEXT_LIMITS.vocabulary)?.toLowerCase();
    if (text === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(text)) {
      this.report(column, `${quoteValue(value)} is not one of ${allowed.join(", ")}`);
      return undefined;
    }
    return text as T;
  }

  /** A JSON object: an object in JSONL, JSON text in CSV; within ATTRIBUTE_LIMITS at every depth. */
  object(column: string): Record<string, unknown> | undefined {
    const value = this.present(column, false);
    if (value === undefined) return undefined;
    let parsed: unknown = value;
    if (typeof value === "string") {
      if (value.length > ATTRIBUTE_LIMITS.jsonCharacters) {
        this.report(column, `as JSON ${tooLongMessage(value.length, ATTRIBUTE_LIMITS.jsonCharacters)}`);
        return undefined;
      }
      try {
        parsed = JSON.parse(value);
      } catch {
        this.report(column, "is not valid JSON");
        return undefined;
      }
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      this.report(column, "must be a JSON object");
      return undefined;
    }
    const problems = checkAttributes(parsed as Record<string, unknown>);
    for (const message of problems) this.report(column, message);
    return problems.length === 0 ? (parsed as Record<string, unknown>) : undefined;
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function parseIsoDate(text: string): Date | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  if (calendar.getUTCMonth() !== (month ?? 0) - 1 || calendar.getUTCDate() !== day) return undefined;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return undefined;
  const date = new Date(match[4] === undefined ? `${text}T00:00:00Z` : text.replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
