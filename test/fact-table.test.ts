// FactTable (src/case/fact-table.ts) must behave as a Map<string, FactValue> does: the engine reads it by slot,
// everything else through the Map interface.
import { describe, expect, it } from 'vitest';
import { FactTable } from '../src/case/fact-table.js';
import { seeded } from '../scripts/bench-cases.js';
import { compile } from '../src/engine/compile.js';

const NAMES = ['a', 'b.c', 'zz', 'derived.x', 'evidence.contract', '__proto__', 'constructor'];
const VALUES = ['x', 0, 1.5, true, false, ['p', 'q'], { amount: 5, currency: 'USD' }] as const;

describe('FactTable', () => {
  it('answers get, has, size, delete and iteration as a Map does, over random operation sequences', () => {
    const rng = seeded(3);
    for (let run = 0; run < 200; run++) {
      const table = new FactTable();
      const map = new Map<string, unknown>();
      for (let step = 0; step < 30; step++) {
        const name = NAMES[Math.floor(rng() * NAMES.length)]!;
        const r = rng();
        if (r < 0.6) {
          const value = VALUES[Math.floor(rng() * VALUES.length)]!;
          table.set(name, value);
          map.set(name, value);
        } else if (r < 0.8) {
          expect(table.delete(name)).toBe(map.delete(name));
        } else if (r < 0.85) {
          table.clear();
          map.clear();
        }
        expect(table.get(name)).toEqual(map.get(name));
        expect(table.has(name)).toBe(map.has(name));
        expect(table.size).toBe(map.size);
        expect([...table]).toEqual([...map]);
        expect([...table.keys()]).toEqual([...map.keys()]);
        expect([...table.values()]).toEqual([...map.values()]);
        const seen: [string, unknown][] = [];
        table.forEach((v, k) => seen.push([k, v]));
        expect(seen).toEqual([...map]);
        expect([...table.clone()]).toEqual([...map]);
      }
    }
  });

  it('keeps a copy independent of the original', () => {
    const a = new FactTable().set('a', 1).set('b', 'x');
    const b = a.clone();
    b.set('a', 2);
    b.delete('b');
    expect([...a]).toEqual([['a', 1], ['b', 'x']]);
    expect([...b]).toEqual([['a', 2]]);
  });

  it('reads an unknown name as unknown and leaves Object.prototype alone', () => {
    const t = new FactTable().set('__proto__', 'x');
    expect(t.get('never.set')).toBeUndefined();
    expect(t.has('toString')).toBe(false);
    expect(t.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  // Last in this file: it uses up the process-wide slots (vitest gives each test file its own modules).
  it('keeps names past the last slot in a Map of its own, and compiled conditions still read them', () => {
    const t = new FactTable();
    for (let i = 0; i < 5000; i++) t.set(`many.f${i}`, i);
    expect(t.overflow?.size).toBeGreaterThan(0);
    expect(t.size).toBe(5000);
    expect(t.get('many.f4999')).toBe(4999);
    expect([...t.keys()].slice(-1)).toEqual(['many.f4999']);
    const late = new FactTable().set('late.fact', 'yes');
    expect(late.overflow?.get('late.fact')).toBe('yes');
    expect(compile({ fact: 'late.fact', equals: 'yes' }, {})(late)).toBe('true');
    expect(compile({ fact: 'many.f10', equals: 10 }, {})(t)).toBe('true');
    expect(compile({ fact: 'many.f4990', gt: 5 }, {})(t)).toBe('true');
  });
});
