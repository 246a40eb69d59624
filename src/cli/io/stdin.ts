// `-` as a case file: the case read from standard input (issue 18), with the same limits and UTF-8 check as a file.
import { diag } from '../../source/diagnostics.js';
import { YAML_LIMITS } from '../../source/limits.js';
import { decodeUtf8 } from '../../source/decode.js';
import type { ReadResult } from './files.js';

/** The argument that means standard input, and the name a case read from it is shown under. */
export const STDIN_ARG = '-';
export const STDIN_NAME = '<stdin>';

/** Read standard input to its end (at most maxBytes), as UTF-8 text. */
export async function readStdinText(input: NodeJS.ReadableStream = process.stdin, maxBytes: number = YAML_LIMITS.maxBytes): Promise<ReadResult> {
  const fail = (code: string, message: string, pos: { line?: number; column?: number } = {}): ReadResult => ({
    ok: false,
    diagnostic: diag(code, message, { file: STDIN_NAME, ...pos }),
  });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of input) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buf.length;
      if (total > maxBytes) {
        (input as NodeJS.ReadStream).destroy?.();
        return fail(
          'file-too-large',
          `standard input is more than ${maxBytes.toLocaleString('en-US')} bytes, the limit for a case file; is this the right input?`,
        );
      }
      chunks.push(buf);
    }
  } catch (e) {
    return fail('file-unreadable', `cannot read standard input: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const text = decodeUtf8(Buffer.concat(chunks, total));
  return text.ok ? { ok: true, text: text.text } : fail('file-encoding', text.message, text);
}
