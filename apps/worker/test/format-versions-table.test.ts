import { describe, expect, it } from "vitest";
import { formatVersionsTable } from "../src/commands/format-versions-table";

const row = (id: number, metrics: unknown) => ({
  id,
  kind: "ease",
  status: "candidate",
  metrics,
  artifactSize: 2_500_000,
  createdAt: new Date("2026-12-01T10:20:00Z"),
});

describe("formatVersionsTable", () => {
  it("shows the stored validation and test metrics, '-' where one is missing or not finite", () => {
    const table = formatVersionsTable([
      row(2, { validation: { "recall@20": 0.21234, "ndcg@20": null }, test: { "recall@20": 0.2 } }),
      row(1, { fitSeconds: 3 }),
    ]);
    const [header, second, first] = table.trimEnd().split("\n");
    expect(header?.split(/\s{2,}/)).toEqual([
      "id",
      "status",
      "kind",
      "val R@20",
      "val N@20",
      "test R@20",
      "test N@20",
      "size",
      "created",
    ]);
    expect(second?.split(/\s{2,}/)).toEqual([
      "2",
      "candidate",
      "ease",
      "0.2123",
      "-",
      "0.2000",
      "-",
      "2.5 MB",
      "2026-12-01 10:20",
    ]);
    expect(first?.split(/\s{2,}/).slice(3, 7)).toEqual(["-", "-", "-", "-"]);
  });

  it("says so when a version's stored metrics are malformed", () => {
    const table = formatVersionsTable([row(3, { validation: "good" })]);
    expect(
      table
        .trimEnd()
        .split("\n")[1]
        ?.split(/\s{2,}/)
        .slice(3, 7),
    ).toEqual(["malformed", "-", "-", "-"]);
  });
});
