import { describe, expect, it } from "vitest";
import { defaultFlagValues } from "../src/cli/default-flag-values";
import { benchmarkContentCommand } from "../src/commands/benchmark-content";

describe("defaultFlagValues", () => {
  it("sets every boolean flag off and leaves every string flag absent", () => {
    const values = defaultFlagValues({
      quiet: { type: "boolean", description: "q" },
      out: { type: "string", description: "o", valueName: "PATH" },
    });
    expect(values).toEqual({ quiet: false, out: undefined });
  });

  it("covers every flag of a real command", () => {
    expect(Object.keys(defaultFlagValues(benchmarkContentCommand.flags)).sort()).toEqual(
      Object.keys(benchmarkContentCommand.flags).sort(),
    );
  });
});
