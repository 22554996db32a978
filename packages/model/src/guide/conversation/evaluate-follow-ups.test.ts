import { describe, expect, it } from "vitest";
import { evaluateFollowUps, type FollowUpEvaluation, type LabelledFollowUp } from "./evaluate-follow-ups";
import holdoutJson from "./followups.holdout.json";
import labelledJson from "./followups.labelled.json";

const labelled = labelledJson as LabelledFollowUp[];
const holdout = holdoutJson as LabelledFollowUp[];

function report(name: string, count: number, evaluation: FollowUpEvaluation): string {
  return [
    `${name}: ${count} follow-up turns`,
    ...Object.entries(evaluation.perField).map(
      ([field, accuracy]) => `${field.padEnd(10)} accuracy ${accuracy.toFixed(3)}`,
    ),
    `exact-field accuracy ${evaluation.exactFieldAccuracy.toFixed(4)}, exact-state accuracy ${evaluation.exactStateAccuracy.toFixed(4)}`,
    ...evaluation.mistakes.map((m) => `  wrong: ${m.text} ${JSON.stringify(m.fields)}`),
  ].join("\n");
}

const isChinese = (turn: LabelledFollowUp) => /[\u4e00-\u9fff]/.test(turn.text);

describe("applyTurn on the labelled follow-up turns", () => {
  it("has at least 60 turns, about half Chinese and half English", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    const chinese = labelled.filter(isChinese).length;
    expect(chinese / labelled.length).toBeGreaterThan(0.4);
    expect(chinese / labelled.length).toBeLessThan(0.6);
  });

  it("gets at least 95% of the fields and 85% of the whole states right (the set the rules were written against)", () => {
    const evaluation = evaluateFollowUps(labelled);
    console.log(report("labelled", labelled.length, evaluation));
    expect(evaluation.exactFieldAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.exactStateAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it("gets at least 90% of the fields and 70% of the whole states right on the held-out turns (never tuned on)", () => {
    const evaluation = evaluateFollowUps(holdout);
    console.log(report("held-out", holdout.length, evaluation));
    expect(holdout.length).toBeGreaterThanOrEqual(30);
    expect(evaluation.exactFieldAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.exactStateAccuracy).toBeGreaterThanOrEqual(0.7);
  });
});
