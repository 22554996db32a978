import { describe, expect, it } from "vitest";
import { describeChipRemoval } from "./describe-chip-removal";

describe("describeChipRemoval", () => {
  it("lifts a field in the shopper's language", () => {
    expect(describeChipRemoval({ field: "metal", value: "gold" }, "zh")).toBe("不限材质");
    expect(describeChipRemoval({ field: "gender", value: "male" }, "en")).toBe("any gender");
  });

  it("allows each excluded concept again by a lexicon term of that language", () => {
    const code = { field: "excluded", value: ["gem:diamond", "gender:male"] } as const;
    expect(describeChipRemoval({ ...code, value: [...code.value] }, "zh")).toBe("钻石也可以，男也可以");
    expect(describeChipRemoval({ ...code, value: [...code.value] }, "en")).toBe("diamond is fine too, men is fine too");
  });
});
