import type { Currency } from "../parse-price";
import { applyChoices, type GuideStateChoices } from "./apply-choices";
import { applyTurn, type TurnOutcome } from "./apply-turn";
import { createEmptyGuideState, type GuideState } from "./guide-state";

export type RunConversationOptions = {
  defaultCurrency?: Currency;
  /** Quick choices made with the first turn: they override what it said, and later turns edit them like the rest. */
  choices?: GuideStateChoices;
  /** The typical price of the answer to a state (see ApplyTurnOptions.referencePrice); asked only by a turn that moves a budget it lacks. */
  referencePriceOf?: (state: GuideState) => number | null;
};

export type ConversationOutcome = {
  /** The state after the last turn. */
  state: GuideState;
  /** Each turn's state and reading, in order. */
  turns: TurnOutcome[];
};

/**
 * A whole conversation from the empty state, turn by turn (pure: the same turns always give the same state). The quick
 * choices join the first turn (or stand alone when there is none).
 */
export function runConversation(
  turns: readonly string[],
  { defaultCurrency, choices = {}, referencePriceOf }: RunConversationOptions = {},
): ConversationOutcome {
  let state = turns.length === 0 ? applyChoices(createEmptyGuideState(), choices) : createEmptyGuideState();
  const outcomes: TurnOutcome[] = [];
  for (const [index, text] of turns.entries()) {
    const before = state;
    const outcome = applyTurn(before, text, {
      defaultCurrency,
      referencePrice: referencePriceOf && (() => referencePriceOf(before)),
    });
    const after = index === 0 ? { ...outcome, state: applyChoices(outcome.state, choices) } : outcome;
    outcomes.push(after);
    state = after.state;
  }
  return { state, turns: outcomes };
}
