/** A decoded picture: `data` holds width × height pixels of 4 bytes (R, G, B, A), row by row. */
export type RgbaImage = { width: number; height: number; data: Uint8Array };
