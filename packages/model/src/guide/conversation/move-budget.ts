/** How far one "cheaper" or "more expensive" moves a budget: by half again, 1.5×. */
export const BUDGET_STEP = 1.5;

export type Budget = { min: number | null; max: number | null };

/**
 * The budget after "cheaper" (down) or "more expensive" (up), the range moving past its own edge:
 * cheaper — [a, b] or [a, —] becomes [a / 1.5, a]; [—, b] becomes [—, b / 1.5];
 * pricier — [a, b] or [—, b] becomes [b, 1.5 b]; [a, —] becomes [1.5 a, —].
 * With no budget, the reference price (the last answer's median) becomes the ceiling (cheaper) or the floor
 * (pricier); with neither, null (nothing to move). New bounds are rounded to two significant digits (3333 → 3300).
 */
export function moveBudget(budget: Budget, direction: "down" | "up", referencePrice: number | null): Budget | null {
  const { min, max } = budget;
  if (min === null && max === null) {
    if (referencePrice === null || !(referencePrice > 0)) return null;
    const reference = roundToTwoDigits(referencePrice);
    return direction === "down" ? { min: null, max: reference } : { min: reference, max: null };
  }
  if (direction === "down") {
    if (min !== null) return { min: roundToTwoDigits(min / BUDGET_STEP), max: min };
    return { min: null, max: roundToTwoDigits((max ?? 0) / BUDGET_STEP) };
  }
  if (max !== null) return { min: max, max: roundToTwoDigits(max * BUDGET_STEP) };
  return { min: roundToTwoDigits((min ?? 0) * BUDGET_STEP), max: null };
}

/** 3333 → 3300, 666.7 → 670, 45 → 45: a budget a person would say. */
export function roundToTwoDigits(value: number): number {
  return value > 0 ? Number(value.toPrecision(2)) : 0;
}
