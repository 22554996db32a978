import { createTestDatabase } from "@jewelguide/db/testing";
import { describe, expect, it } from "vitest";
import { trainModelVersion } from "../src/training/train-model-version";

const silent = { stage() {}, progress() {} };

describe("trainModelVersion", () => {
  it("refuses a bad model config, naming the field, before it reads any data", async () => {
    // An empty shop: had the data been read first, the refusal would be "there are no events to train on".
    const test = await createTestDatabase();
    try {
      await expect(
        trainModelVersion(test.db, { kind: "joint", config: { maxExamplesPerEpoch: 0 }, evaluate: false }, silent),
      ).rejects.toThrow(/Invalid joint config: maxExamplesPerEpoch/);
      await expect(trainModelVersion(test.db, { kind: "joint", config: {}, evaluate: false }, silent)).rejects.toThrow(
        /no events to train on/,
      );
    } finally {
      await test.drop();
    }
  });
});
