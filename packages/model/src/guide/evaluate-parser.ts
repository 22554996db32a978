import { parseRequest } from "./parse-request";
import { PARSED_REQUEST_FIELDS, type ParsedRequest, type ParsedRequestField } from "./parsed-request";

/** One hand-labelled request: the text a shop received and the full output it should parse to. */
export type LabelledRequest = { text: string; expected: ParsedRequest };

export type FieldScore = { precision: number; recall: number; accuracy: number };

export type ParserEvaluation = {
  perField: Record<ParsedRequestField, FieldScore>;
  /** Share of (request, field) pairs parsed exactly right, over all fields of all requests. */
  exactFieldAccuracy: number;
  /** Share of requests whose every field is right. */
  exactRequestAccuracy: number;
  /** The requests with at least one wrong field, with the wrong fields' expected and actual values. */
  mistakes: Array<{ text: string; fields: Array<{ field: ParsedRequestField; expected: unknown; actual: unknown }> }>;
};

type Parse = (text: string) => ParsedRequest;

/**
 * Whether a parsed value counts as right: equal, with prices within a cent and `rest` compared without case or
 * whitespace (it is free text; "发货 多久" and "发货多久" say the same).
 */
export function isSameFieldValue(field: ParsedRequestField, expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(expected - actual) < 0.01;
  if (field === "rest" && typeof expected === "string" && typeof actual === "string") {
    return expected.replace(/\s+/g, "").toLowerCase() === actual.replace(/\s+/g, "").toLowerCase();
  }
  return expected === actual;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

/**
 * Scores a request parser on labelled requests. Per field: precision = right non-null predictions / non-null
 * predictions, recall = right non-null predictions / non-null expectations, accuracy = right values (null included) /
 * requests; an empty denominator scores 1.
 */
export function evaluateParser(labelled: readonly LabelledRequest[], parse: Parse = parseRequest): ParserEvaluation {
  const counts = Object.fromEntries(
    PARSED_REQUEST_FIELDS.map((field) => [field, { truePositive: 0, predicted: 0, expected: 0, right: 0 }]),
  ) as Record<ParsedRequestField, { truePositive: number; predicted: number; expected: number; right: number }>;
  let rightFields = 0;
  let rightRequests = 0;
  const mistakes: ParserEvaluation["mistakes"] = [];
  for (const { text, expected } of labelled) {
    const actual = parse(text);
    const wrong: ParserEvaluation["mistakes"][number]["fields"] = [];
    for (const field of PARSED_REQUEST_FIELDS) {
      const count = counts[field];
      const want = expected[field] ?? null;
      const got = actual[field] ?? null;
      const same = isSameFieldValue(field, want, got);
      if (got !== null) count.predicted++;
      if (want !== null) count.expected++;
      if (same && got !== null) count.truePositive++;
      if (same) {
        count.right++;
        rightFields++;
      } else {
        wrong.push({ field, expected: want, actual: got });
      }
    }
    if (wrong.length === 0) rightRequests++;
    else mistakes.push({ text, fields: wrong });
  }
  const perField = Object.fromEntries(
    PARSED_REQUEST_FIELDS.map((field) => {
      const c = counts[field];
      const score: FieldScore = {
        precision: ratio(c.truePositive, c.predicted),
        recall: ratio(c.truePositive, c.expected),
        accuracy: ratio(c.right, labelled.length),
      };
      return [field, score];
    }),
  ) as Record<ParsedRequestField, FieldScore>;
  return {
    perField,
    exactFieldAccuracy: ratio(rightFields, labelled.length * PARSED_REQUEST_FIELDS.length),
    exactRequestAccuracy: ratio(rightRequests, labelled.length),
    mistakes,
  };
}
