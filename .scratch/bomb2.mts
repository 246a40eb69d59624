import { readYaml } from '../src/source/read-yaml.ts';
for (const [name, text] of [['[]x', '[]'.repeat(200_000)], ['[[],..]', '[' + '[],'.repeat(130_000) + ']'], ['- x', 'a: b\nc: "d"\n' + '- 1\n'.repeat(100_000)], ['{a:}', '{' + 'a: 1,'.repeat(80000) + '}']] as const) {
  const t = Date.now();
  const r = readYaml(text, 'x.yaml');
  console.log(name, text.length, Date.now() - t, 'ms', r.ok ? 'ok' : r.diagnostics.slice(0,2).map(d => d.code + ' ' + d.line + ':' + d.column + ' ' + text.slice(0, 0)).join(' | '), Math.round(process.memoryUsage().rss/1e6), 'MB');
}
