import { DEFAULT_EVENT_WEIGHTS, type EventType } from "../domain/events";
import { buildCsrMatrix, type CsrEntry, type CsrMatrix } from "./csr-matrix";
import { IdMap } from "./id-map";
import type { CatalogItem, Interaction, UserAttributes } from "./interaction";

export type DatasetOptions = {
  /** Weight per event type; default DEFAULT_EVENT_WEIGHTS. An interaction's own `weight` wins. */
  eventWeights?: Readonly<Record<EventType, number>>;
  /** How repeated (user, item) events combine: "sum" (default, confidence grows with repeats) or "max". */
  aggregate?: "sum" | "max";
};

export type DatasetInput = {
  interactions: readonly Interaction[];
  /** When given, it fixes the item universe: interactions on items outside it are an error. */
  catalog?: readonly CatalogItem[];
  users?: readonly UserAttributes[];
};

/**
 * Interactions as a weighted user×item CSR matrix plus the id maps, catalog and user attributes, all indexed densely.
 * Items come from the catalog (in catalog order) or, without one, from the interactions in first-seen order.
 */
export type InteractionDataset = {
  users: IdMap;
  items: IdMap;
  /** users × items; value = combined event weight; zero-weight events (impressions) are not stored. */
  matrix: CsrMatrix;
  /** Latest timestamp (epoch ms) of each stored entry, parallel to matrix.data. */
  timestamps: Float64Array;
  /** Catalog item at each item index (undefined when no catalog was given). */
  catalog: readonly (CatalogItem | undefined)[];
  /** User attributes at each user index (undefined when unknown). */
  userAttributes: readonly (UserAttributes | undefined)[];
};

export function createInteractionDataset(input: DatasetInput, options: DatasetOptions = {}): InteractionDataset {
  const eventWeights = options.eventWeights ?? DEFAULT_EVENT_WEIGHTS;
  const combine = options.aggregate === "max" ? Math.max : (a: number, b: number) => a + b;
  const items = new IdMap("item");
  const users = new IdMap("user");
  const catalog: (CatalogItem | undefined)[] = [];
  const hasCatalog = input.catalog !== undefined && input.catalog.length > 0;
  for (const item of input.catalog ?? []) {
    if (items.has(item.itemId)) throw new Error(`Catalog lists item '${item.itemId}' twice.`);
    catalog[items.add(item.itemId)] = item;
  }
  const userAttributes: (UserAttributes | undefined)[] = [];
  for (const user of input.users ?? []) userAttributes[users.add(user.userId)] = user;

  const entries: CsrEntry[] = [];
  const times: number[] = [];
  input.interactions.forEach((event, position) => {
    if (event.userId === "" || event.itemId === "") {
      throw new Error(`Interaction #${position} has an empty ${event.userId === "" ? "user" : "item"} id.`);
    }
    if (hasCatalog && !items.has(event.itemId)) {
      throw new Error(
        `Interaction #${position} (user '${event.userId}') references item '${event.itemId}', which is not in the catalog. ` +
          `Add the item to the catalog or drop the interaction.`,
      );
    }
    const weight = event.weight ?? eventWeights[event.type];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new Error(`Interaction #${position} (item '${event.itemId}') has an invalid weight ${weight}.`);
    }
    const row = users.add(event.userId);
    const col = items.add(event.itemId);
    if (weight === 0) return;
    entries.push({ row, col, value: weight });
    times.push(event.timestamp);
  });
  const matrix = buildCsrMatrix(users.size, items.size, entries, combine);
  const timestamps = new Float64Array(matrix.data.length).fill(Number.NEGATIVE_INFINITY);
  entries.forEach((entry, i) => {
    const at = findEntry(matrix, entry.row, entry.col);
    timestamps[at] = Math.max(timestamps[at] as number, times[i] as number);
  });
  return { users, items, matrix, timestamps, catalog, userAttributes };
}

function findEntry(matrix: CsrMatrix, row: number, col: number): number {
  let lo = matrix.indptr[row] as number;
  let hi = (matrix.indptr[row + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = matrix.indices[mid] as number;
    if (value === col) return mid;
    if (value < col) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`Internal: entry (${row}, ${col}) missing from CSR matrix.`);
}
