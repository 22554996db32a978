/**
 * The one place that maps external ids (SKUs, user ids) to dense indices 0..size-1 and back.
 * Lookups of unknown ids throw an error that names the id and what to do about it.
 */
export class IdMap {
  readonly #indexById = new Map<string, number>();
  readonly #ids: string[] = [];

  constructor(
    /** What the ids are, used in error messages ("item", "user"). */
    readonly label: string,
    ids: Iterable<string> = [],
  ) {
    for (const id of ids) this.add(id);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** Adds the id if new; returns its index either way. Empty ids are rejected. */
  add(id: string): number {
    const known = this.#indexById.get(id);
    if (known !== undefined) return known;
    if (id === "") throw new Error(`Empty ${this.label} id: every ${this.label} needs a non-empty id.`);
    const index = this.#ids.length;
    this.#ids.push(id);
    this.#indexById.set(id, index);
    return index;
  }

  has(id: string): boolean {
    return this.#indexById.has(id);
  }

  /** Index of a known id, or undefined. */
  find(id: string): number | undefined {
    return this.#indexById.get(id);
  }

  /** Index of a known id; throws naming the id when it is unknown. */
  indexOf(id: string): number {
    const index = this.#indexById.get(id);
    if (index === undefined) {
      throw new Error(
        `Unknown ${this.label} id '${id}': it was not in the data the model was fitted on (${this.size} ${this.label}s known). ` +
          `Refit with data that includes it, or check the id.`,
      );
    }
    return index;
  }

  /** External id at a dense index; throws on an out-of-range index. */
  idAt(index: number): string {
    const id = this.#ids[index];
    if (id === undefined) throw new Error(`No ${this.label} at index ${index} (size ${this.size}).`);
    return id;
  }

  ids(): readonly string[] {
    return this.#ids;
  }
}
