// The renderer registry: one pure function per output format.
import { Chalk } from 'chalk';
import type { Colors } from './colors.js';
import type { Assessment } from '../engine/assessment.js';
import { renderText } from './text.js';
import { renderJson } from './json.js';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];
/** color: the styles to colour with, e.g. a chalk instance (none: plain text). */
/** width: the text report's width in columns (default 80, kept between 60 and 100). */
export interface RenderOptions {
  color?: Colors;
  explain?: boolean;
  sources?: boolean;
  lines?: boolean;
  width?: number;
}

const plain = new Chalk({ level: 0 });

const renderers = {
  text: (a, o) => renderText(a, o),
  json: (a, o) => renderJson(a, o) + '\n',
} satisfies Record<Format, (a: Assessment, o: RenderOptions & { color: Colors }) => string>;

/** Render an assessment in a format. */
export function render(a: Assessment, format: Format, opts: RenderOptions = {}): string {
  return renderers[format](a, { ...opts, color: opts.color ?? plain });
}
