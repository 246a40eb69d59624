// CLI transcripts: command, output (colour off), exit code.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('dispute-assess <case>', () => {
  it('assesses a fixture and exits 0', () => {
    const r = cli(['fixtures/b-offline-wire-non-delivery.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Trade Assurance: NOT ELIGIBLE');
    expect(r.stderr).toBe('');
  });
});
