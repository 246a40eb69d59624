// formatAmount and compareText replace toLocaleString and localeCompare (which load ICU, ~25 and ~20 ms at
// start): they must give exactly the same results.
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../src/case/money.js';
import { compareText } from '../src/engine/compare.js';
import { seeded } from '../scripts/bench-cases.js';

const intl = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('formatAmount', () => {
  it('formats as en-US toLocaleString with two decimals', () => {
    const fixed = [0, -0, 0.005, 0.015, 0.125, 1.005, 2.675, 999.995, 1000, 12500, 1234567.891, -1234.5, 1e12, 123456789012345.67, 1e20, 1e21, 1e-7, -0.001, NaN, Infinity];
    for (const x of fixed) expect(formatAmount(x), String(x)).toBe(intl(x));
    const rng = seeded(17);
    for (let i = 0; i < 20000; i++) {
      const x = (rng() - 0.3) * 10 ** Math.floor(rng() * 16);
      for (const v of [x, Math.round(x * 1000) / 1000, Math.round(x * 100) / 100]) expect(formatAmount(v), String(v)).toBe(intl(v));
    }
  });
});

describe('compareText', () => {
  it('orders as localeCompare in English, on ids, paths, dates and odd characters', () => {
    const alphabet = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyzAZé\u0000";
    const rng = seeded(23);
    const word = (n: number) => Array.from({ length: Math.floor(rng() * n) }, () => alphabet[Math.floor(rng() * (rng() < 0.5 ? 12 : alphabet.length))]).join('');
    for (let i = 0; i < 30000; i++) {
      const a = word(8);
      const b = rng() < 0.3 ? a + word(3) : rng() < 0.5 ? a.slice(0, 3) + word(5) : word(8);
      expect(Math.sign(compareText(a, b)), JSON.stringify([a, b])).toBe(Math.sign(a.localeCompare(b, 'en')));
    }
  });
});
