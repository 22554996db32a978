import { UsageError } from "../cli/usage-error";

/** A positive integer model version id; names the flag when it is missing or malformed. */
export function parseVersionId(flag: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`${flag} N is required`);
  return parsePositiveInteger(flag, value);
}

export function parsePositiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) {
    throw new UsageError(`${flag} must be a positive integer, not ${JSON.stringify(value)}`);
  }
  return n;
}

export function parseNonNegativeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`${flag} must be a non-negative number, not ${JSON.stringify(value)}`);
  }
  return n;
}
