import { DEFAULT_MAX_RECALL_DROP } from "@jewelguide/db";
import type { FlagDef } from "../cli/command";
import { parseNonNegativeNumber } from "./parse-numeric-flags";

/** `--max-drop X` of publish and rollback: the recall gate's allowed drop below the active version. */
export const MAX_DROP_FLAG = {
  type: "string",
  valueName: "X",
  description: `allowed drop of validation recall@20 below the active version (default ${DEFAULT_MAX_RECALL_DROP})`,
} as const satisfies FlagDef;

/** The flag's value as a number: DEFAULT_MAX_RECALL_DROP when absent; a usage error naming the flag when malformed. */
export function parseMaxDrop(value: string | undefined): number {
  return value === undefined ? DEFAULT_MAX_RECALL_DROP : parseNonNegativeNumber("--max-drop", value);
}
