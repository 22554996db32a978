/** The photo formats a shop may import and the web app serves: decided by bytes, never by a file name. */
export type ImageFormat = "jpeg" | "png" | "webp";

export const IMAGE_EXTENSIONS: Record<ImageFormat, readonly string[]> = {
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  webp: [".webp"],
};

/** The only content types the media route ever sends. */
export const IMAGE_CONTENT_TYPES = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
} as const satisfies Record<ImageFormat, string>;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[ImageFormat];

/** How many first bytes detectImageFormat needs. */
export const IMAGE_SNIFF_BYTES = 12;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The format by the file's first bytes (its magic number), whatever its name says: JPEG `FF D8 FF`, PNG
 * `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF????WEBP`. Anything else (SVG, HTML, text, GIF, executables, a database) is
 * undefined: the importers refuse it and the media route does not serve it.
 */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  return undefined;
}

/** What a rejected file looks like, for the operator's message ("SVG or XML text", "first bytes 6e 6f 74 2d"). */
export function describeContent(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, 512).trimStart().toLowerCase();
  if (head.startsWith("<svg") || head.startsWith("<?xml")) return "SVG or XML text";
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "HTML";
  if (ascii(bytes, 0, 4) === "\x7fELF") return "an ELF executable";
  if (ascii(bytes, 0, 4) === "GIF8") return "a GIF image";
  const hex = [...bytes.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
  return `first bytes ${hex}`;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}
