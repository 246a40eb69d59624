// An action rule's title is a step on the report's first screen ("Your next steps"): it must read as something the
// buyer does (an imperative verb) or as the last day to do something, and stay short enough for one line.
import { describe, expect, it } from 'vitest';
import { builtinRules } from './helpers.js';

/** The verbs the steps start with; a new verb is added here deliberately, after reading the title as a step. */
const VERBS = new Set([
  'Apply',
  'Ask',
  'Book',
  'Call',
  'Check',
  'Claim',
  'File',
  'Freeze',
  'Give',
  'Have',
  'Notarise',
  'Open',
  'Pay',
  'Prepare',
  'Pursue',
  'Reopen',
  'Report',
  'Send',
  'Take',
]);
const MAX = 60;

describe('action titles', () => {
  const actions = builtinRules().rules.filter((r) => r.kind === 'action');

  it('has actions to look at', () => expect(actions.length).toBeGreaterThan(20));

  it('start with a verb, or say the last day to do something', () => {
    const bad = actions.filter((r) => !VERBS.has(r.title.split(/[\s,]/)[0]!) && !/^Last day to \w+/.test(r.title));
    expect(bad.map((r) => `${r.id}: ${r.title}`)).toEqual([]);
  });

  it(`are at most ${MAX} characters`, () => {
    expect(actions.filter((r) => r.title.length > MAX).map((r) => `${r.id}: ${r.title}`)).toEqual([]);
  });
});
