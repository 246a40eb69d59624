// Renderers are pure functions of the assessment; colour is an injected chalk instance.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { render } from '../src/report/render.js';
import { assess } from '../src/assess.js';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { readTextFile } from '../src/cli/io/files.js';
import { builtinRules } from './helpers.js';

const load = (file: string) => {
  const doc = readYaml((readTextFile(file) as { text: string }).text, file);
  if (!doc.ok) throw new Error('bad yaml');
  const v = validateCase(doc.value);
  if (!v.ok) throw new Error('bad case');
  return assess(v.value, builtinRules(), { today: '2026-01-01', file, explain: true });
};

describe('render', () => {
  const a = load('test/cases/offline-wire.yaml');
  it('text without colour has no escape codes and has the checklist marks', () => {
    const t = render(a, 'text', { color: new Chalk({ level: 0 }) });
    expect(t).not.toContain('\u001b[');
    expect(t).toMatch(/✔ Payment records/);
    expect(t).toMatch(/~ Chat history on the platform/);
    expect(t).toContain('This is not legal advice');
  });
  it('text with colour has escape codes', () => {
    expect(render(a, 'text', { color: new Chalk({ level: 1 }) })).toContain('\u001b[');
  });
  it('explain lists every rule with its outcome and origin', () => {
    const t = render(a, 'text', { color: new Chalk({ level: 0 }), explain: true });
    for (const r of a.trace!) expect(t).toContain(r.id);
  });
  it('json round-trips and one-line mode has no newline inside', () => {
    const j = render(a, 'json', { color: new Chalk({ level: 0 }) });
    expect(JSON.parse(j)).toEqual(JSON.parse(JSON.stringify(a)));
    expect(render(a, 'json', { color: new Chalk({ level: 0 }), lines: true }).trim()).not.toContain('\n');
  });
});
