// The styles the text report colours with, as a type of its own: a chalk instance fits it (the CLI passes one),
// and so does anything with the same style names, so the report's options name no dependency's type.

/** A style: the text wrapped in its escape codes (unchanged without colour); styles chain, as in `c.red.bold`. */
export interface Colors {
  (text: string): string;
  readonly bold: Colors;
  readonly dim: Colors;
  readonly underline: Colors;
  readonly red: Colors;
  readonly green: Colors;
  readonly yellow: Colors;
  readonly cyan: Colors;
}
