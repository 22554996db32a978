import fs from "node:fs";
import { createDb } from "@jewelguide/db";
import { recommendFeed } from "./services/recommendations/recommend-feed";

const { db } = createDb(process.env.DATABASE_URL!);
const sets = JSON.parse(fs.readFileSync("/tmp/perf/paths.json", "utf8"));
const outs: any[] = [];
for (const x of sets.feed.slice(0, 200))
  outs.push(await recommendFeed(db, JSON.parse(decodeURIComponent(x.path.split("input=")[1])).json));
function time(name: string, arr: unknown[]) {
  for (const o of arr) JSON.stringify(o);
  const t0 = performance.now();
  for (let r = 0; r < 10; r++) for (const o of arr) JSON.stringify(o);
  console.log(name, (((performance.now() - t0) / (10 * arr.length)) * 1000).toFixed(1), "us");
}
time("as is", outs);
time(
  "reparsed",
  outs.map((o) => JSON.parse(JSON.stringify(o))),
);
time(
  "no zh",
  outs.map((o) => ({
    ...o,
    items: o.items.map((i: any) => ({ ...i, titleZh: "x", reason: { ...i.reason, anchorTitleZh: "x" }, why: "x" })),
  })),
);
time(
  "int scores",
  outs.map((o) => ({ ...o, items: o.items.map((i: any) => ({ ...i, score: 1, price: 1 })) })),
);
const i0 = outs[1].items[0];
const fast = new Function("o", "return %HasFastProperties(o)") as (o: unknown) => boolean;
console.log(Object.keys(i0).length, fast(i0), fast(i0.reason), fast(outs[1]), typeof i0.titleZh);
process.exit(0);
