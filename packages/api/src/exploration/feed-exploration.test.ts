import { DEFAULT_EXPLORATION_CONFIG } from "@jewelguide/model/exploration";
import { describe, expect, it } from "vitest";
import { explorationConfigForSlots, MAX_EXPLORATION_SLOTS } from "./feed-exploration";

describe("explorationConfigForSlots (JEWELGUIDE_EXPLORATION_SLOTS)", () => {
  it("keeps the top three picks the model's, fills in above the 10th pick, and 0 switches exploration off", () => {
    expect(explorationConfigForSlots(0)).toBeNull();
    expect(explorationConfigForSlots(1)).toEqual({ ...DEFAULT_EXPLORATION_CONFIG, slots: [9] });
    expect(explorationConfigForSlots(2)?.slots).toEqual([3, 9]);
    expect(explorationConfigForSlots(3)?.slots).toEqual([3, 6, 9]);
    expect(explorationConfigForSlots(MAX_EXPLORATION_SLOTS)?.slots).toEqual([2, 5, 8, 11]);
  });

  it("refuses a count outside 0–4, naming the setting", () => {
    for (const count of [-1, 5, 1.5, Number.NaN]) {
      expect(() => explorationConfigForSlots(count)).toThrow(
        /JEWELGUIDE_EXPLORATION_SLOTS must be a whole number from 0 \(exploration off\) to 4/,
      );
    }
  });
});
