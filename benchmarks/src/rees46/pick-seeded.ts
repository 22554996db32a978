import { createRng } from "@jewelguide/model";

/**
 * `count` elements of `list` chosen by a seeded partial Fisher–Yates shuffle (all of them, in list order, when the list
 * is no longer): the same seed and list give the same choice on every run.
 */
export function pickSeeded<T>(list: readonly T[], count: number, seed: number): T[] {
  if (count >= list.length) return [...list];
  const pool = [...list];
  const rng = createRng(seed);
  for (let i = 0; i < count; i++) {
    const j = i + rng.nextInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}
