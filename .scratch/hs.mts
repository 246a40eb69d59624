import { readYaml } from '../src/source/read-yaml.ts';
const pieces = ['[]', '{}', '[],', '{},', '[[]]', '- ', '- []\n', '- 1\n', 'a: 1, ', '? ', '&a [] ', '*a ', '"", ', "'', ", ',', '[', '{'];
for (const piece of pieces) for (const where of ['alone', 'flow-list', 'in-case']) {
  const body = piece.repeat(Math.min(250000, Math.floor(900_000 / piece.length)));
  const text = where === 'flow-list' ? `[${body}]` : where === 'in-case' ? `supplier:\n  name: x\nevidence: [${body}]\n` : body;
  const t = Date.now(); const r = readYaml(text, 'x'); const ms = Date.now() - t;
  if (ms > 300) console.log(JSON.stringify(piece), where, ms, r.ok ? 'ok' : r.diagnostics[0].code);
}
console.log('done');
