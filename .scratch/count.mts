import { Lexer, CST } from 'yaml';
import { readFileSync, readdirSync } from 'node:fs';
const skip = new Set(['space','newline','comment','doc-mode','byte-order-mark']);
const files = [...readdirSync('rules').filter(f=>f.endsWith('.yaml')).map(f=>'rules/'+f), ...readdirSync('fixtures',{recursive:true}).map(String).filter(f=>f.endsWith('.yaml')).map(f=>'fixtures/'+f)];
const res = files.map(f => { let n=0; for (const t of new Lexer().lex(readFileSync(f,'utf8'))) { const ty = CST.tokenType(t); if (ty && !skip.has(ty)) n++; } return [n, f, readFileSync(f).length]; }).sort((a,b)=>(b[0] as number)-(a[0] as number));
console.log(res.slice(0,6));
