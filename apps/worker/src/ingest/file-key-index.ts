import crypto from "node:crypto";

/** Slots start at this many and double when the table is LOAD_LIMIT full. */
const INITIAL_CAPACITY = 1024;
const LOAD_LIMIT = 0.7;

export type FirstSeen = { line: number; sameContent: boolean };

/**
 * The keys already met in one import file, for its duplicate check, in typed arrays instead of a Map of strings: each
 * key is kept as 64 bits of its MD5 and each row's content as 64 bits of its fingerprint, with the row's line — 20
 * bytes a slot in an open-addressing table (at most 70 % full), where a Map entry of two strings took some 400 bytes
 * (the 10,000,000-event file of BENCHMARKS §7 peaked at 4.3 GB). Two different keys share 64 bits with probability
 * about n²/2⁶⁵ in a file of n rows (3·10⁻⁶ at 10,000,000): the later row would then be reported as a duplicate of the
 * earlier line — a visible rejection, never a silent loss; two different contents of one key are collapsed only when
 * their 64-bit fingerprints agree (2⁻⁶⁴ per such pair).
 */
export class FileKeyIndex {
  #capacity = INITIAL_CAPACITY;
  #size = 0;
  /** Two 32-bit halves per slot of the key's hash. */
  #keys = new Uint32Array(INITIAL_CAPACITY * 2);
  /** Two 32-bit halves per slot of the content's fingerprint. */
  #contents = new Uint32Array(INITIAL_CAPACITY * 2);
  /** The row's line; 0 marks an empty slot (file lines start at 1). */
  #lines = new Uint32Array(INITIAL_CAPACITY);

  get size(): number {
    return this.#size;
  }

  /**
   * Records the key at `line` when it is new and returns undefined; when the key was met before, returns the first
   * line that had it and whether the content was the same (nothing is recorded then).
   */
  firstSeen(key: string, fingerprint: string, line: number): FirstSeen | undefined {
    if (!Number.isInteger(line) || line < 1 || line > 0xffffffff) {
      throw new Error(`import line ${line} is not a line number from 1 to ${0xffffffff}`);
    }
    const keyHash = crypto.createHash("md5").update(key).digest();
    const keyHigh = keyHash.readUInt32LE(0);
    const keyLow = keyHash.readUInt32LE(4);
    const contentHash = crypto.createHash("md5").update(fingerprint).digest();
    const contentHigh = contentHash.readUInt32LE(0);
    const contentLow = contentHash.readUInt32LE(4);
    let slot = this.#slotOf(keyHigh, keyLow);
    if (slot >= 0) {
      const sameContent = this.#contents[2 * slot] === contentHigh && this.#contents[2 * slot + 1] === contentLow;
      return { line: this.#lines[slot] as number, sameContent };
    }
    if (this.#size + 1 > this.#capacity * LOAD_LIMIT) this.#grow();
    slot = -this.#slotOf(keyHigh, keyLow) - 1;
    this.#keys[2 * slot] = keyHigh;
    this.#keys[2 * slot + 1] = keyLow;
    this.#contents[2 * slot] = contentHigh;
    this.#contents[2 * slot + 1] = contentLow;
    this.#lines[slot] = line;
    this.#size++;
    return undefined;
  }

  /** The slot holding the key (≥ 0), or −(the empty slot where it would go) − 1: linear probing. */
  #slotOf(keyHigh: number, keyLow: number): number {
    const mask = this.#capacity - 1;
    let slot = (keyHigh ^ Math.imul(keyLow, 0x9e3779b1)) & mask;
    while (this.#lines[slot] !== 0) {
      if (this.#keys[2 * slot] === keyHigh && this.#keys[2 * slot + 1] === keyLow) return slot;
      slot = (slot + 1) & mask;
    }
    return -slot - 1;
  }

  #grow(): void {
    const keys = this.#keys;
    const contents = this.#contents;
    const lines = this.#lines;
    const oldCapacity = this.#capacity;
    this.#capacity = oldCapacity * 2;
    this.#keys = new Uint32Array(this.#capacity * 2);
    this.#contents = new Uint32Array(this.#capacity * 2);
    this.#lines = new Uint32Array(this.#capacity);
    for (let old = 0; old < oldCapacity; old++) {
      if (lines[old] === 0) continue;
      const keyHigh = keys[2 * old] as number;
      const keyLow = keys[2 * old + 1] as number;
      const slot = -this.#slotOf(keyHigh, keyLow) - 1;
      this.#keys[2 * slot] = keyHigh;
      this.#keys[2 * slot + 1] = keyLow;
      this.#contents[2 * slot] = contents[2 * old] as number;
      this.#contents[2 * slot + 1] = contents[2 * old + 1] as number;
      this.#lines[slot] = lines[old] as number;
    }
  }
}
