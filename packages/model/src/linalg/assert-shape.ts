/**
 * Shape checks for the numeric kernels, run once at a kernel's entry so that its loops can read with `as number`:
 * an out-of-bounds index is a bug that must throw here, not turn into a silent zero inside the maths.
 */
export function assertLength(name: string, array: ArrayLike<unknown>, expected: number): void {
  if (array.length !== expected) throw new Error(`${name} has length ${array.length}; expected ${expected}.`);
}

/** At least `minimum` entries: for kernels that read the leading rows of a longer buffer. */
export function assertMinLength(name: string, array: ArrayLike<unknown>, minimum: number): void {
  if (array.length < minimum) throw new Error(`${name} has length ${array.length}; expected at least ${minimum}.`);
}

/** Every entry of `indices` is an integer in [0, bound). */
export function assertIndices(name: string, indices: ArrayLike<number>, bound: number): void {
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k] as number;
    if (!(Number.isInteger(index) && index >= 0 && index < bound)) {
      throw new Error(`${name}[${k}] = ${index} is outside [0, ${bound}).`);
    }
  }
}
