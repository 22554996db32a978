/**
 * A model artifact: a JSON header (kind, config, ids, small metadata) plus named binary arrays, packed into one
 * Uint8Array. Layout: "JGM1" | u32 header byte length | header JSON (UTF-8) | padding to 8 | array bytes.
 * Arrays are stored little-endian (the byte order of every platform Node and browsers run on).
 */
export type ArtifactArray = Float32Array | Float64Array | Int32Array;

export type ModelArtifact = {
  kind: string;
  formatVersion: number;
  config: unknown;
  meta: Record<string, unknown>;
  arrays: Record<string, ArtifactArray>;
};

type ArrayDescriptor = { name: string; dtype: "float32" | "float64" | "int32"; length: number; offset: number };

const MAGIC = [0x4a, 0x47, 0x4d, 0x31]; // "JGM1"

export function encodeModelArtifact(artifact: ModelArtifact): Uint8Array {
  const descriptors: ArrayDescriptor[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(artifact.arrays)) {
    descriptors.push({ name, dtype: dtypeOf(array), length: array.length, offset });
    offset += align8(array.byteLength);
  }
  const header = new TextEncoder().encode(
    JSON.stringify({
      kind: artifact.kind,
      formatVersion: artifact.formatVersion,
      config: artifact.config,
      meta: artifact.meta,
      arrays: descriptors,
    }),
  );
  const dataStart = align8(8 + header.byteLength);
  const bytes = new Uint8Array(dataStart + offset);
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(4, header.byteLength, true);
  bytes.set(header, 8);
  for (const descriptor of descriptors) {
    const array = artifact.arrays[descriptor.name];
    if (array === undefined) continue;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + descriptor.offset);
  }
  return bytes;
}

export function decodeModelArtifact(bytes: Uint8Array): ModelArtifact {
  if (bytes.byteLength < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error("Not a Jewelguide model artifact (missing 'JGM1' header).");
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
    kind: string;
    formatVersion: number;
    config: unknown;
    meta: Record<string, unknown>;
    arrays: ArrayDescriptor[];
  };
  const dataStart = align8(8 + headerLength);
  const arrays: Record<string, ArtifactArray> = {};
  for (const { name, dtype, length, offset } of header.arrays) {
    const start = dataStart + offset;
    const width = dtype === "float64" ? 8 : 4;
    const copy = bytes.slice(start, start + length * width).buffer;
    arrays[name] =
      dtype === "float32"
        ? new Float32Array(copy)
        : dtype === "float64"
          ? new Float64Array(copy)
          : new Int32Array(copy);
  }
  return { kind: header.kind, formatVersion: header.formatVersion, config: header.config, meta: header.meta, arrays };
}

/** The named array from an artifact, checked for type; throws naming what is missing. */
export function readArtifactArray<T extends ArtifactArray>(
  artifact: ModelArtifact,
  name: string,
  type: new (length: number) => T,
): T {
  const array = artifact.arrays[name];
  if (!(array instanceof type)) {
    throw new Error(`Model artifact of kind '${artifact.kind}' lacks array '${name}' (${type.name}).`);
  }
  return array;
}

function dtypeOf(array: ArtifactArray): ArrayDescriptor["dtype"] {
  if (array instanceof Float32Array) return "float32";
  if (array instanceof Float64Array) return "float64";
  return "int32";
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
