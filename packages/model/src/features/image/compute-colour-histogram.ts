import { assertRgbaImage, type RgbaImage } from "./rgb-image";

/**
 * Colour bins of the foreground, chosen for jewelry: warm metals by hue and saturation (yellow gold, rose gold),
 * low-saturation metals by lightness (silver/white, grey, dark), and gem colours by hue.
 */
export const COLOUR_BINS = [
  "white-silver",
  "grey",
  "dark",
  "yellow-gold",
  "pale-gold",
  "rose-gold",
  "red",
  "orange-brown",
  "green",
  "cyan",
  "blue",
  "purple",
  "pink",
] as const;
export type ColourBin = (typeof COLOUR_BINS)[number];

/** Pixels whose every channel is at least this are taken for the (white) studio background and skipped. */
const BACKGROUND_MIN = 235;

/**
 * An L1-normalised histogram over COLOUR_BINS of the pixels that are not near-white background (all pixels when the
 * whole picture is near white). Samples at most about 40 000 pixels.
 */
export function computeColourHistogram(image: RgbaImage): Float32Array {
  assertRgbaImage(image);
  const histogram = new Float32Array(COLOUR_BINS.length);
  const pixels = image.width * image.height;
  const step = Math.max(1, Math.floor(pixels / 40_000));
  let counted = 0;
  for (const skipBackground of [true, false]) {
    for (let p = 0; p < pixels; p += step) {
      const r = image.data[p * 4] as number;
      const g = image.data[p * 4 + 1] as number;
      const b = image.data[p * 4 + 2] as number;
      if (skipBackground && r >= BACKGROUND_MIN && g >= BACKGROUND_MIN && b >= BACKGROUND_MIN) continue;
      const bin = classifyColour(r, g, b);
      histogram[bin] = (histogram[bin] as number) + 1;
      counted++;
    }
    if (counted > 0) break;
  }
  if (counted > 0) for (let i = 0; i < histogram.length; i++) histogram[i] = (histogram[i] as number) / counted;
  return histogram;
}

/** The COLOUR_BINS index of one RGB pixel (HSV rules). */
export function classifyColour(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const value = max / 255;
  const saturation = max === 0 ? 0 : (max - min) / max;
  if (value < 0.2) return COLOUR_BINS.indexOf("dark");
  if (saturation < 0.12) return value > 0.7 ? COLOUR_BINS.indexOf("white-silver") : COLOUR_BINS.indexOf("grey");
  const hue = computeHue(r, g, b, max, min);
  if (hue >= 35 && hue < 65)
    return saturation < 0.3 ? COLOUR_BINS.indexOf("pale-gold") : COLOUR_BINS.indexOf("yellow-gold");
  if ((hue >= 345 || hue < 35) && saturation < 0.45 && value > 0.45) return COLOUR_BINS.indexOf("rose-gold");
  if (hue >= 345 || hue < 15) return COLOUR_BINS.indexOf("red");
  if (hue < 35) return COLOUR_BINS.indexOf("orange-brown");
  if (hue < 165) return COLOUR_BINS.indexOf("green");
  if (hue < 200) return COLOUR_BINS.indexOf("cyan");
  if (hue < 255) return COLOUR_BINS.indexOf("blue");
  if (hue < 300) return COLOUR_BINS.indexOf("purple");
  return COLOUR_BINS.indexOf("pink");
}

function computeHue(r: number, g: number, b: number, max: number, min: number): number {
  const delta = max - min;
  if (delta === 0) return 0;
  let hue: number;
  if (max === r) hue = ((g - b) / delta) % 6;
  else if (max === g) hue = (b - r) / delta + 2;
  else hue = (r - g) / delta + 4;
  hue *= 60;
  return hue < 0 ? hue + 360 : hue;
}
