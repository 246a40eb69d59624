// The renderer registry: one pure function per output format.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Assessment } from '../engine/assessment.js';
import { renderText } from './text.js';
import { renderJson } from './json.js';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];
/** color: a chalk instance to colour with (none: plain text). */
/** width: the text report's width in columns (default 80, kept between 60 and 100). */
export interface RenderOptions {
  color?: ChalkInstance;
  explain?: boolean;
  sources?: boolean;
  lines?: boolean;
  width?: number;
}

const plain = new Chalk({ level: 0 });

const renderers = {
  text: (a, o) => renderText(a, o),
  json: (a, o) => renderJson(a, o) + '\n',
} satisfies Record<Format, (a: Assessment, o: RenderOptions & { color: ChalkInstance }) => string>;

/** Render an assessment in a format. */
export function render(a: Assessment, format: Format, opts: RenderOptions = {}): string {
  return renderers[format](a, { ...opts, color: opts.color ?? plain });
}
