import { describe, expect, it } from "vitest";
import { applyTurn } from "./apply-turn";
import { completeGuideState, GUIDE_STATE_FIELDS } from "./guide-state";
import { runConversation } from "./run-conversation";

const necklaceForMother = completeGuideState({
  category: "necklace",
  metal: "gold",
  gender: "female",
  recipient: "mother",
  priceMax: 5000,
  currency: "CNY",
});

describe("applyTurn", () => {
  it("reads a first turn like a single request", () => {
    const outcome = applyTurn(completeGuideState({}), "送妈妈的金项链，预算5000");
    expect(outcome.state).toEqual(necklaceForMother);
    expect(outcome.kind).toBe("new-request");
    expect(applyTurn(completeGuideState({}), "gold ring").kind).toBe("new-request");
  });

  it("replaces the field a follow-up names and keeps the rest", () => {
    expect(applyTurn(necklaceForMother, "换成银的").state).toEqual({ ...necklaceForMother, metal: "silver" });
    expect(applyTurn(necklaceForMother, "show me earrings instead").state).toEqual({
      ...necklaceForMother,
      category: "earring",
    });
    expect(applyTurn(necklaceForMother, "with pearls").state.gem).toBe("pearl");
    expect(applyTurn(necklaceForMother, "換成手鍊").state.category).toBe("bracelet");
  });

  it("excludes what the shopper says no to, before or after the word, and clears it where set", () => {
    expect(applyTurn(necklaceForMother, "not for men").state.excluded).toEqual(["gender:male"]);
    expect(applyTurn(necklaceForMother, "不要男款").state.excluded).toEqual(["gender:male"]);
    expect(applyTurn(necklaceForMother, "钻石的不要").state.excluded).toEqual(["gem:diamond"]);
    const noGold = applyTurn(necklaceForMother, "不要金的，要银的").state;
    expect(noGold).toMatchObject({ metal: "silver", excluded: ["metal:gold"] });
    // "有没有" asks whether there is one; it is not "没有".
    expect(applyTurn(necklaceForMother, "有没有耳环").state).toMatchObject({ category: "earring", excluded: [] });
  });

  it("asking for an excluded concept again lifts its exclusion", () => {
    const noDiamonds = applyTurn(necklaceForMother, "no diamonds").state;
    expect(applyTurn(noDiamonds, "ok, diamonds after all").state).toMatchObject({ gem: "diamond", excluded: [] });
  });

  it("allows an excluded concept again without asking for it", () => {
    const excluded = completeGuideState({ category: "ring", excluded: ["gem:diamond", "gender:male"] });
    expect(applyTurn(excluded, "钻石也可以").state.excluded).toEqual(["gender:male"]);
    expect(applyTurn(excluded, "men is fine too").state).toEqual({ ...excluded, excluded: ["gem:diamond"] });
  });

  it("reads price words outside the lexicon's terms", () => {
    expect(applyTurn(necklaceForMother, "affordable luxury").state).toEqual({
      ...necklaceForMother,
      style: "affordable-luxury",
    });
  });

  it("sets, raises and lifts the budget", () => {
    expect(applyTurn(necklaceForMother, "预算提高到8000").state).toMatchObject({ priceMin: null, priceMax: 8000 });
    expect(applyTurn(necklaceForMother, "3000以上").state).toMatchObject({ priceMin: 3000, priceMax: 5000 });
    expect(applyTurn(necklaceForMother, "去掉预算").state).toMatchObject({
      priceMin: null,
      priceMax: null,
      currency: null,
    });
    expect(applyTurn(necklaceForMother, "any price").state.priceMax).toBeNull();
    // Amounts without a currency stay in the conversation's currency, whatever the turn's script.
    expect(applyTurn(necklaceForMother, "budget up to 800").state).toMatchObject({ priceMax: 800, currency: "CNY" });
  });

  it("moves the budget for cheaper and more expensive, using the last answer's prices without a budget", () => {
    expect(applyTurn(necklaceForMother, "便宜一点").state.priceMax).toBe(3300);
    expect(applyTurn(necklaceForMother, "more expensive").state).toMatchObject({ priceMin: 5000, priceMax: 7500 });
    const noBudget = completeGuideState({ category: "ring" });
    expect(applyTurn(noBudget, "cheaper", { referencePrice: 420 }).state).toMatchObject({
      priceMax: 420,
      currency: "USD",
    });
    expect(applyTurn(noBudget, "cheaper").state).toEqual(noBudget);
  });

  it("lifts a field on request", () => {
    expect(applyTurn(necklaceForMother, "不限材质").state.metal).toBeNull();
    expect(applyTurn(necklaceForMother, "any category").state.category).toBeNull();
    const noMale = completeGuideState({ gender: "female", excluded: ["gender:male"] });
    expect(applyTurn(noMale, "any gender").state).toMatchObject({ gender: null, excluded: ["gender:male"] });
  });

  it("starts over on a whole new request or when asked, and not on an edit", () => {
    const husband = applyTurn(necklaceForMother, "想给老公买条手链 1000以内");
    expect(husband.kind).toBe("new-request");
    expect(husband.state).toEqual(
      completeGuideState({
        category: "bracelet",
        gender: "male",
        recipient: "husband",
        priceMax: 1000,
        currency: "CNY",
      }),
    );
    expect(applyTurn(necklaceForMother, "start over: earrings").state).toEqual(
      completeGuideState({ category: "earring" }),
    );
    // A new category with as much detail but an edit word refines instead.
    const edit = applyTurn(necklaceForMother, "换成给老公的手链，1000以内");
    expect(edit.kind).toBe("edit");
    expect(edit.state.metal).toBe("gold");
  });

  it("leaves the state alone on empty or meaningless turns, and never throws", () => {
    for (const text of ["", "   ", "???", "嗯"])
      expect(applyTurn(necklaceForMother, text).state).toEqual(necklaceForMother);
    expect(() => applyTurn(necklaceForMother, undefined as unknown as string)).not.toThrow();
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const alphabet = "不要没有便宜贵换成银金钻石耳环项链预算到以内no not cheaper instead any 0123456789$¥";
    for (let n = 0; n < 500; n++) {
      let text = "";
      for (let i = 0; i < 30 * random(); i++) text += alphabet[Math.floor(random() * alphabet.length)] ?? "";
      const { state } = applyTurn(necklaceForMother, text, { referencePrice: 300 });
      for (const field of GUIDE_STATE_FIELDS) expect(state).toHaveProperty(field);
      if (state.priceMin !== null && state.priceMax !== null)
        expect(state.priceMin).toBeLessThanOrEqual(state.priceMax);
    }
  });
});

describe("runConversation", () => {
  it("replays turns from the empty state, asking for the reference price only when a turn could need it", () => {
    const asked: number[] = [];
    const outcome = runConversation(["a silver ring for my wife", "cheaper", "not for men", "预算提高到600"], {
      referencePriceOf: (state) => {
        asked.push(state.priceMax ?? -1);
        return 400;
      },
    });
    expect(outcome.turns.map((turn) => turn.kind)).toEqual(["new-request", "edit", "edit", "edit"]);
    expect(outcome.turns[1]?.state.priceMax).toBe(400);
    expect(outcome.state).toEqual(
      completeGuideState({
        category: "ring",
        metal: "silver",
        gender: "female",
        recipient: "wife",
        priceMax: 600,
        currency: "USD",
        excluded: ["gender:male"],
      }),
    );
    expect(asked).toEqual([-1]);
    expect(runConversation([]).state).toEqual(completeGuideState({}));
  });

  it("lets quick choices override the first turn, and later turns edit them", () => {
    const choices = { metal: "silver", recipient: "husband", priceMax: 300, currency: "USD" } as const;
    const first = runConversation(["送妈妈的金项链"], { choices });
    expect(first.state).toMatchObject({ category: "necklace", metal: "silver", gender: "male", recipient: "husband" });
    expect(first.state).toMatchObject({ priceMax: 300, currency: "USD" });
    expect(runConversation(["送妈妈的金项链", "换成金的"], { choices }).state.metal).toBe("gold");
    expect(runConversation([], { choices }).state.metal).toBe("silver");
  });
});
