import fs from "node:fs";
import path from "node:path";
import { useFreshWorkspace } from "@jewelguide/worker/testing";
import { describe, expect, it } from "vitest";
import { BENCHMARK_COMMANDS } from "../src/commands/registry";

const ws = useFreshWorkspace(BENCHMARK_COMMANDS);

const HEADER =
  "order_datetime,order_id,product_id,sku_quantity,category_id,category_alias,brand_id,price_usd,user_id,product_gender,main_color,main_metal,main_gem";
const ALIASES = ["jewelry.ring", "jewelry.earring", "jewelry.pendant", "jewelry.bracelet"];

/**
 * A REES46-format file of 50 purchases: 40 shoppers buy linked pairs of 12 products over 40 days (the period before
 * the cut), then 5 of them buy twice more, ten days apart (the latest 20 %: the simulated period).
 */
function syntheticRees46(): string {
  const rows: string[] = [HEADER];
  let order = 1;
  const row = (day: number, product: number, user: number) => {
    const date = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 19).replace("T", " ");
    const alias = ALIASES[product % ALIASES.length];
    rows.push(
      `${date} UTC,${order++},${1000 + product},1,${50 + (product % 4)},${alias},0,${100 + product}.00,${5000 + user},,red,gold,`,
    );
  };
  for (let user = 0; user < 40; user++) row(user, (user % 6) * 2 + (user % 2), user);
  for (let user = 0; user < 5; user++) {
    row(100 + user, (user % 6) * 2, user + 100);
    row(110 + user, (user % 6) * 2 + 1, user + 100);
  }
  return `${rows.join("\n")}\n`;
}

describe("the exploration benchmark", () => {
  it("imports the file, simulates each share and writes each served model's run into the result", async () => {
    const file = ws.write("rees46.csv", syntheticRees46());
    const out = path.join(ws.dir, "exploration.json");
    const args = ["--file", file, "--out", out, "--seeds", "0", "--shares", "0,2", "--days", "3"];
    const run = await ws.cli("exploration", ...args);
    expect(run.stderr).toMatch(/seed 0: 5 shoppers over 3 days/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/### served by itemknn/);
    expect((await ws.cli("exploration", ...args, "--model", "attribute-knn")).code).toBe(0);
    const result = JSON.parse(fs.readFileSync(out, "utf8")) as {
      models: Record<
        string,
        {
          command: string;
          policies: Record<string, { perDay: unknown[]; final: { mean: Record<string, number> } }>;
        }
      >;
    };
    expect(Object.keys(result.models)).toEqual(["itemknn", "attribute-knn"]);
    const itemknn = result.models.itemknn;
    expect(itemknn?.command.startsWith("npm run bench -- exploration")).toBe(true);
    expect(Object.keys(itemknn?.policies ?? {})).toEqual(["greedy", "explore 2/12"]);
    expect(itemknn?.policies.greedy?.perDay).toHaveLength(3);
    // Discovery beside first sales, and each exploring figure paired with greedy's on the same seed.
    const explored = itemknn?.policies["explore 2/12"]?.final.mean ?? {};
    const greedy = itemknn?.policies.greedy?.final.mean ?? {};
    for (const name of ["new_items_sold", "new_items_clicked", "new_item_impressions", "purchases"]) {
      expect(explored[`${name}_minus_greedy`]).toBe((explored[name] as number) - (greedy[name] as number));
    }
    expect(greedy.new_items_clicked_minus_greedy).toBeUndefined();
    expect(run.stdout).toMatch(/\| policy \| new items sold \| minus greedy, paired \|/);
    const printed = await ws.cli("exploration", "--print-table", "--out", out);
    expect(printed.stdout).toMatch(/### served by attribute-knn/);
  });

  it("names a wrong flag", async () => {
    expect(await ws.cli("exploration", "--model", "bpr")).toMatchObject({ code: 2 });
    expect((await ws.cli("exploration", "--model", "bpr")).stderr).toMatch(/--model: "bpr" is not one of itemknn/);
    expect((await ws.cli("exploration", "--shares", "2")).stderr).toMatch(/--shares must include 0/);
    expect((await ws.cli("exploration", "--shares", "0,7")).stderr).toMatch(
      /--shares: 7 is not a share from 0 to 4 slots of 12/,
    );
    const missing = await ws.cli("exploration", "--print-table", "--out", path.join(ws.dir, "none.json"));
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/no result file/);
  });
});
