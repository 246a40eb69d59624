// A small, strict XML 1.0 reader for tests: throws on anything not well-formed (unbalanced or
// mismatched tags, bad names, duplicate or unquoted attributes, a raw '<' or '&', unknown entities,
// characters XML cannot carry, more than one root). No DTDs, no namespaces processing.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(s: string, where: number): string {
  if (/<|&(?![A-Za-z]+;|#\d+;|#x[0-9A-Fa-f]+;)/.test(s)) throw new Error(`raw '<' or '&' near offset ${where}`);
  return s.replace(/&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z]+);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity &${e}; near offset ${where}`);
    return v;
  });
}

/** Parse a whole document; returns the root element or throws with the reason. */
export function parseXml(doc: string): XmlElement {
  if (BAD_CHAR.test(doc)) throw new Error('a character XML 1.0 does not allow');
  let i = 0;
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(doc.slice(i))![0];
      i += ws.length;
      if (doc.startsWith('<!--', i)) {
        const end = doc.indexOf('-->', i + 4);
        if (end < 0) throw new Error('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  if (doc.startsWith('<?xml')) {
    const end = doc.indexOf('?>');
    if (end < 0 || !/^<\?xml\s+version="1\.[01]"(\s+encoding="[A-Za-z0-9._-]+")?\s*$/.test(doc.slice(0, end))) throw new Error('bad XML declaration');
    i = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== doc.length) throw new Error(`content after the root element at offset ${i}`);
  return root;

  function element(): XmlElement {
    if (doc[i] !== '<') throw new Error(`expected '<' at offset ${i}`);
    i++;
    const name = NAME.exec(doc.slice(i))?.[0];
    if (!name) throw new Error(`bad element name at offset ${i}`);
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const ws = /^\s*/.exec(doc.slice(i))![0];
      i += ws.length;
      if (doc.startsWith('/>', i)) return ((i += 2), el);
      if (doc[i] === '>') break;
      if (!ws) throw new Error(`expected whitespace before an attribute at offset ${i}`);
      const m = /^([A-Za-z_:][A-Za-z0-9_.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(doc.slice(i));
      if (!m) throw new Error(`bad attribute at offset ${i}`);
      if (m[1]! in el.attrs) throw new Error(`duplicate attribute ${m[1]} at offset ${i}`);
      el.attrs[m[1]!] = decode(m[3] ?? m[4] ?? '', i);
      i += m[0].length;
    }
    i++;
    for (;;) {
      const next = doc.indexOf('<', i);
      if (next < 0) throw new Error(`unclosed element <${name}>`);
      el.text += decode(doc.slice(i, next), i);
      i = next;
      if (doc.startsWith('</', i)) {
        const close = new RegExp(`^</${name.replace(/[.:-]/g, '\\$&')}\\s*>`).exec(doc.slice(i));
        if (!close) throw new Error(`mismatched closing tag for <${name}> at offset ${i}`);
        i += close[0].length;
        return el;
      }
      if (doc.startsWith('<!--', i)) {
        const end = doc.indexOf('-->', i + 4);
        if (end < 0) throw new Error('unterminated comment');
        i = end + 3;
        continue;
      }
      el.children.push(element());
    }
  }
}

/** All descendants (and the element itself) with a given name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))];
}
