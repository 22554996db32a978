/** A converted backbone: a plain TF.js `model.json` (its weights manifest names `weights.bin`) and that weights file. */
export type ImageBackboneFiles = { modelJson: string; weights: Uint8Array };

/** File name the weights manifest of a converted backbone points at. */
export const BACKBONE_WEIGHTS_FILE = "weights.bin";
