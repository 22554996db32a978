import { quoteValue } from "./quote-value";
import { ATTRIBUTE_LIMITS, tooLongMessage } from "./text-limits";

const MAX_PROBLEMS = 5;
/** Keys that would mean something else to a careless `Object.assign` or `obj[key] = …` downstream. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * What is wrong with an `attributes` object, as messages (empty when it is fine): its size as JSON, and at any
 * depth an over-long key or string value, too many keys, too deep a nesting, a reserved key. At most five messages.
 */
export function checkAttributes(attributes: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(attributes);
  if (json.length > ATTRIBUTE_LIMITS.jsonCharacters) {
    problems.push(`as JSON ${tooLongMessage(json.length, ATTRIBUTE_LIMITS.jsonCharacters)}`);
    return problems;
  }
  visit(attributes, "", 1, problems);
  return problems.slice(0, MAX_PROBLEMS);
}

function visit(value: unknown, where: string, depth: number, problems: string[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === "string") {
    if (value.length > ATTRIBUTE_LIMITS.valueCharacters) {
      problems.push(`value of ${where} ${tooLongMessage(value.length, ATTRIBUTE_LIMITS.valueCharacters)}`);
    }
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (depth > ATTRIBUTE_LIMITS.depth) {
    problems.push(`${where} nests deeper than ${ATTRIBUTE_LIMITS.depth} levels`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, `${where}[${index}]`, depth + 1, problems);
    });
    return;
  }
  const keys = Object.keys(value);
  if (keys.length > ATTRIBUTE_LIMITS.keysPerObject) {
    problems.push(
      `${where || "the object"} has ${keys.length} keys; at most ${ATTRIBUTE_LIMITS.keysPerObject} allowed`,
    );
  }
  for (const key of keys) {
    const path = where === "" ? quoteValue(key) : `${where}.${quoteValue(key)}`;
    if (key.length > ATTRIBUTE_LIMITS.keyCharacters) {
      problems.push(`key ${path} ${tooLongMessage(key.length, ATTRIBUTE_LIMITS.keyCharacters)}`);
      continue;
    }
    if (RESERVED_KEYS.has(key)) {
      problems.push(`key ${path} is reserved`);
      continue;
    }
    visit((value as Record<string, unknown>)[key], path, depth + 1, problems);
  }
}
