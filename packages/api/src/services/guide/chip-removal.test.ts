import { describeChipRemoval, type Language } from "@jewelguide/i18n";
import { runConversation } from "@jewelguide/model/guide";
import { describe, expect, it } from "vitest";
import { buildGuideConstraints } from "./build-guide-constraints";
import { constraintCode } from "./constraint-code";
import { CONSTRAINT_FIELDS } from "./guide-constraints";

const CONVERSATIONS: Record<Language, string[]> = {
  zh: ["送妈妈的生日礼物，简约的珍珠金项链，预算5000", "不要男款，不要耳环"],
  en: ["a minimalist gold pearl necklace for my mom's birthday under $500", "not for men, no earrings"],
};

describe.each(["zh", "en"] as const)("removing a chip by the turn it adds (%s)", (language) => {
  const turns = CONVERSATIONS[language];
  const chipsOf = (conversation: string[]) => {
    const { state } = runConversation(conversation, { defaultCurrency: language === "zh" ? "CNY" : "USD" });
    const constraints = buildGuideConstraints(state, [], language === "zh" ? "CNY" : "USD");
    return CONSTRAINT_FIELDS.flatMap((field) => {
      const code = constraintCode(constraints, field);
      return code ? [code] : [];
    });
  };

  it("sets every kind of chip in the starting conversation", () => {
    expect(chipsOf(turns).map((chip) => chip.field)).toEqual([...CONSTRAINT_FIELDS]);
  });

  it.each(CONSTRAINT_FIELDS)("lifts %s and leaves every other chip as it was", (field) => {
    const before = chipsOf(turns);
    const chip = before.find((code) => code.field === field);
    if (!chip) throw new Error(`no ${field} chip to remove`);
    const after = chipsOf([...turns, describeChipRemoval(chip, language)]);
    expect(after).toEqual(before.filter((code) => code.field !== field));
  });
});
