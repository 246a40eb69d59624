// Bytes to text. Case and rule files are UTF-8; anything else gets a diagnostic that says what was found.

export type Decoded = { ok: true; text: string } | { ok: false; message: string; line: number; column: number };

const BOMS: [string, number[]][] = [
  ['UTF-32 (little-endian)', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 (big-endian)', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 (little-endian)', [0xff, 0xfe]],
  ['UTF-16 (big-endian)', [0xfe, 0xff]],
];
const SAVE_AS = 'expected UTF-8: save the file as "UTF-8" in your editor';

/** Decode UTF-8 bytes (a UTF-8 byte order mark is dropped); UTF-16/32 and invalid bytes are refused. */
export function decodeUtf8(buf: Uint8Array): Decoded {
  for (const [name, bom] of BOMS) {
    if (bom.every((b, i) => buf[i] === b))
      return { ok: false, message: `the file is ${name} text (it starts with a ${name} byte order mark); ${SAVE_AS}`, line: 1, column: 1 };
  }
  const wide = utf16Guess(buf);
  if (wide)
    return { ok: false, message: `the file looks like ${wide} text without a byte order mark (every other byte is NUL); ${SAVE_AS}`, line: 1, column: 1 };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    const at = firstInvalidUtf8(buf);
    const { line, column } = bytePosition(buf, at);
    const hex = buf[at]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      message: `invalid UTF-8 byte 0x${hex} at line ${line}, column ${column}; ${SAVE_AS} (it may be Latin-1 or Windows-1252)`,
      line,
      column,
    };
  }
}

/** "UTF-16 (little-endian)" etc. when most of the first bytes alternate with NUL. */
function utf16Guess(buf: Uint8Array): string | undefined {
  const n = Math.min(buf.length, 1024) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0 && buf[i + 1] !== 0) even++;
    if (buf[i + 1] === 0 && buf[i] !== 0) odd++;
  }
  const half = n / 2;
  if (odd >= half * 0.6) return 'UTF-16 (little-endian)';
  if (even >= half * 0.6) return 'UTF-16 (big-endian)';
  return undefined;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (-1 if none). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [len, lo, hi] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b >= 0xf1 && b <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : b === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0];
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = buf[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return i;
    }
    i += len;
  }
  return -1;
}

/** Line and column (in characters, 1-based) of a byte offset in UTF-8 bytes valid up to that offset. */
function bytePosition(buf: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: new TextDecoder('utf-8').decode(buf.subarray(start, offset)).length + 1 };
}
