import { Lexer, Parser, CST } from 'yaml';
for (const text of ['[]'.repeat(200_000), '- 1\n'.repeat(100_000)]) {
  let t = Date.now(); let n = 0; const types = new Map();
  for (const tok of new Lexer().lex(text)) { n++; const ty = CST.tokenType(tok); types.set(ty, (types.get(ty)??0)+1); }
  console.log('lex', Date.now() - t, n, [...types].slice(0,12));
  t = Date.now(); const toks = [...new Parser().parse(text)];
  console.log('parse', Date.now() - t, toks.length, toks.map(x=>x.type).slice(0,5));
}
