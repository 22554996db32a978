import { isSameFieldValue } from "../evaluate-parser";
import { applyTurn } from "./apply-turn";
import { completeGuideState, GUIDE_STATE_FIELDS, type GuideState, type GuideStateField } from "./guide-state";

/**
 * One hand-labelled follow-up turn: the state before it (only the set fields listed), what the shopper said, the
 * median price of the answer they had seen when that matters ("cheaper" without a budget), and the state after.
 */
export type LabelledFollowUp = {
  before: Partial<GuideState>;
  text: string;
  referencePrice?: number;
  expected: Partial<GuideState>;
};

export type FollowUpEvaluation = {
  /** Per field, the share of turns whose state after has that field right. */
  perField: Record<GuideStateField, number>;
  /** Share of (turn, field) pairs right, over all fields of all turns. */
  exactFieldAccuracy: number;
  /** Share of turns whose whole state after is right. */
  exactStateAccuracy: number;
  mistakes: Array<{ text: string; fields: Array<{ field: GuideStateField; expected: unknown; actual: unknown }> }>;
};

/** Fields compare like the single-request parser's (prices within a cent); exclusions as sorted sets. */
function isSameStateValue(field: GuideStateField, expected: GuideState, actual: GuideState): boolean {
  if (field === "excluded") return expected.excluded.join(",") === actual.excluded.join(",");
  return isSameFieldValue("priceMin", expected[field], actual[field]);
}

/** Scores applyTurn on labelled follow-ups, like evaluateParser scores parseRequest on labelled requests. */
export function evaluateFollowUps(labelled: readonly LabelledFollowUp[]): FollowUpEvaluation {
  const right = Object.fromEntries(GUIDE_STATE_FIELDS.map((field) => [field, 0])) as Record<GuideStateField, number>;
  let rightStates = 0;
  const mistakes: FollowUpEvaluation["mistakes"] = [];
  for (const turn of labelled) {
    const expected = completeGuideState(turn.expected);
    const actual = applyTurn(completeGuideState(turn.before), turn.text, { referencePrice: turn.referencePrice }).state;
    const wrong: FollowUpEvaluation["mistakes"][number]["fields"] = [];
    for (const field of GUIDE_STATE_FIELDS) {
      if (isSameStateValue(field, expected, actual)) right[field]++;
      else wrong.push({ field, expected: expected[field], actual: actual[field] });
    }
    if (wrong.length === 0) rightStates++;
    else mistakes.push({ text: turn.text, fields: wrong });
  }
  const share = (count: number, of: number) => (of === 0 ? 1 : count / of);
  const rightFields = Object.values(right).reduce((sum, count) => sum + count, 0);
  return {
    perField: Object.fromEntries(
      GUIDE_STATE_FIELDS.map((field) => [field, share(right[field], labelled.length)]),
    ) as Record<GuideStateField, number>,
    exactFieldAccuracy: share(rightFields, labelled.length * GUIDE_STATE_FIELDS.length),
    exactStateAccuracy: share(rightStates, labelled.length),
    mistakes,
  };
}
