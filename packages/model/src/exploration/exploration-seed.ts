import { fnv1a32 } from "../data/purchase-order";

/**
 * The exploration RNG's seed of a served request: the FNV-1a hash of its request id. The request id is logged with
 * every impression, so any request's draws can be replayed (with the evidence it read).
 */
export function explorationSeed(requestId: string): number {
  return fnv1a32(`exploration|${requestId}`);
}
