// The one sanitiser for terminal output. Everything the tool prints that came from outside (file contents,
// file and folder names, arguments, rule packs) passes here before it reaches a terminal, so no escape
// sequence, control, bidi, zero-width or line-separator character is ever written raw: each is shown as a
// visible escape, \u202E. The same escape inside a JSON string is valid JSON for the same character, so JSON
// output stays parseable and loses nothing. Lives in source/ (the lowest layer) so that diagnostics, reports,
// check and the CLI all use this one function.

/** Never written raw: C0 controls but tab and line feed, DEL, C1 controls (NEL included), format characters
 * (bidi embeddings, overrides and isolates, LRM/RLM/ALM, zero-width space and joiners, BOM, soft hyphen,
 * tag characters), the line and paragraph separators, and lone surrogates. */
const UNSAFE_IN_TEXT = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\u2028\u2029\p{Cs}]/u;
/** Inline (a name or a value placed inside a line): tab and line feed too, so a name cannot start a forged line. */
const UNSAFE_INLINE_G = /[\0-\x1F\x7F-\x9F\p{Cf}\u2028\u2029\p{Cs}]/gu;
/** The escapes the tool writes itself: chalk's colours and emphasis (one parameter each), and the progress bar's
 * "back to the start of the line and erase it". Anything else with an ESC is escaped. */
const OWN_ESCAPES_G = /\x1b\[(?:[124]|2[24]|3\d|9[0-7])m|\r\x1b\[K|[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\u2028\u2029\p{Cs}]/gu;

/** "\u001B" for one character ("\uDB40\uDC01" for one outside the BMP, as JSON writes it). */
export function escapeChar(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  return out;
}

const escapeAll = (s: string) => [...s].map((ch) => (UNSAFE_IN_TEXT.test(ch) ? escapeChar(ch) : ch)).join('');

/** A name, argument or value for use inside one line: every unsafe character, tab and line feed included, escaped. */
export function safeInline(s: string): string {
  return s.replace(UNSAFE_INLINE_G, escapeChar);
}

/** Every character but printable ASCII, tab and line feed: the only places an unsafe character can be. */
const NOT_PLAIN_ASCII_G = /[^\t\n\x20-\x7E]/g;

/** Whether text would be written unchanged by safeOutput (nothing to escape). A report is mostly printable ASCII:
 * a plain (non-Unicode) scan finds the few other characters, and only those are tested against the Unicode
 * classes (testing every character of a long JSON line that way costs about a millisecond). */
export function isSafeText(s: string): boolean {
  NOT_PLAIN_ASCII_G.lastIndex = 0;
  for (let m = NOT_PLAIN_ASCII_G.exec(s); m; m = NOT_PLAIN_ASCII_G.exec(s)) {
    const cp = s.codePointAt(m.index)!;
    // A surrogate pair is one character (as the Unicode-mode expression reads the whole text); a lone surrogate is itself.
    if (UNSAFE_IN_TEXT.test(cp > 0xffff ? s.slice(m.index, m.index + 2) : s[m.index]!)) return false;
    if (cp > 0xffff) NOT_PLAIN_ASCII_G.lastIndex++;
  }
  return true;
}

/** Which of the tool's own escape sequences may pass: colours (when colour is on) and the progress bar's line erase
 * (stderr on a terminal). Asked only when the text holds an escape, so a plain run never asks. */
export interface OwnEscapes {
  colors(): boolean;
  eraseLine(): boolean;
}

/** Text about to be written to stdout or stderr: line feeds and tabs stay (the tool's layout), the tool's own
 * colour and erase-line sequences stay when allowed, every other unsafe character is shown escaped. */
export function safeOutput(text: string, allow: OwnEscapes): string {
  if (isSafeText(text)) return text;
  let colors: boolean | undefined;
  let erase: boolean | undefined;
  return text.replace(OWN_ESCAPES_G, (m) => {
    if (m.length === 1 || (m.length === 2 && m.charCodeAt(0) >= 0xd800)) return escapeChar(m);
    const ok = m.charCodeAt(0) === 0x0d ? (erase ??= allow.eraseLine()) : (colors ??= allow.colors());
    return ok ? m : escapeAll(m);
  });
}
