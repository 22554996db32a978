import type { Currency } from "../parse-price";
import { applyTurn, type TurnOutcome } from "./apply-turn";
import { createEmptyGuideState, type GuideState } from "./guide-state";

export type RunConversationOptions = {
  defaultCurrency?: Currency;
  /** The typical price of the answer to a state (see ApplyTurnOptions.referencePrice); asked only by a turn that moves a budget it lacks. */
  referencePriceOf?: (state: GuideState) => number | null;
};

export type ConversationOutcome = {
  /** The state after the last turn. */
  state: GuideState;
  /** Each turn's state and reading, in order. */
  turns: TurnOutcome[];
};

/** A whole conversation from the empty state, turn by turn (pure: the same turns always give the same state). */
export function runConversation(
  turns: readonly string[],
  { defaultCurrency, referencePriceOf }: RunConversationOptions = {},
): ConversationOutcome {
  let state = createEmptyGuideState();
  const outcomes: TurnOutcome[] = [];
  for (const text of turns) {
    const before = state;
    const outcome = applyTurn(before, text, {
      defaultCurrency,
      referencePrice: referencePriceOf && (() => referencePriceOf(before)),
    });
    outcomes.push(outcome);
    state = outcome.state;
  }
  return { state, turns: outcomes };
}
