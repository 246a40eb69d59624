// Rule files: a broken file is a positioned diagnostic, never a crash.
import { describe, expect, it } from 'vitest';
import { parseAndLoad } from '../src/cli/rule-files/source.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io/files.js';
import { ROOT } from './helpers.js';

const support = yamlFilesIn(`${ROOT}/rules`)
  .filter((f) => /catalogue|parameters|sources/.test(f))
  .map((file) => ({ file, text: (readTextFile(file) as { text: string }).text }));
const rule = (body: string) =>
  `rules:\n  - id: flag/x\n    title: t\n    kind: flag\n    severity: low\n    rationale: r\n    source: [{ ref: gsxt }]\n    message: m\n${body}`;
const load = (text: string) => parseAndLoad([...support, { file: 'pack.yaml', text }]);

describe('loadRules diagnostics', () => {
  it.each([
    ['unknown key with suggestion', rule('    rationle: x\n'), 'rules-unknown-key', 9, "did you mean 'rationale'"],
    ['unknown kind', rule('').replace('kind: flag', 'kind: flags'), 'rules-enum', 4, "did you mean 'flag'"],
    ['missing source', rule('').replace('    source: [{ ref: gsxt }]\n', ''), 'rules-required', 2, "'source'"],
    ['unknown fact', rule('    when: { fact: order.chanel, equals: offline }\n'), 'rules-unknown-fact', 9, "did you mean 'order.channel'"],
    ['enum value not allowed', rule('    when: { fact: order.channel, equals: ofline }\n'), 'rules-operator', 9, "did you mean 'offline'"],
    ['operator and type disagree', rule('    when: { fact: order.channel, gt: 3 }\n'), 'rules-operator', 9, 'needs a fact of type number or date'],
    ['boolean compared with text', rule('    when: { fact: order.closed, equals: "yes" }\n'), 'rules-operator', 9, 'expected true or false'],
    [
      'unknown parameter',
      rule('    when: { fact: derived.loss_usd, gt: { param: small_claim } }\n'),
      'rules-unknown-param',
      9,
      "did you mean 'small_claim_usd'",
    ],
    [
      'missing placeholder',
      rule('').replace('message: m', 'message: "paid {derived.amount_payd}"'),
      'rules-placeholder',
      8,
      "did you mean 'derived.amount_paid'",
    ],
    ['bad id', rule('').replace('id: flag/x', 'id: NoFamily'), 'rules-invalid', 2, 'family-prefixed'],
    [
      'a step superseding no step',
      rule('    then: { due: today, supersedes: [plan/file-ta-claims] }\n').replace('kind: flag', 'kind: action'),
      'rules-unknown-rule',
      9,
      "'plan/file-ta-claims'",
    ],
    ['YAML error', 'rules: [\n', 'yaml-syntax', 2, ''],
  ])('%s', (_, text, code, line, message) => {
    const r = load(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(d).toMatchObject({ file: 'pack.yaml', line });
    expect(d!.message).toContain(message);
  });

  it('rejects duplicate ids across files, naming the first definition', () => {
    const r = parseAndLoad([...support, { file: 'a.yaml', text: rule('') }, { file: 'b.yaml', text: rule('') }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'rules-duplicate-id', file: 'b.yaml', line: 2 });
  });

  it('rejects a condition nested too deep without crashing', () => {
    let c = '{ fact: order.closed, equals: true }';
    for (let i = 0; i < 40; i++) c = `{ not: ${c} }`;
    const r = load(rule(`    when: ${c}\n`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toContain('rules-too-deep');
  });

  it('accepts the built-in packs', () => {
    const texts = yamlFilesIn(`${ROOT}/rules`).map((file) => ({ file, text: (readTextFile(file) as { text: string }).text }));
    const r = parseAndLoad(texts);
    expect(r.ok ? [] : r.diagnostics).toEqual([]);
  });
});
