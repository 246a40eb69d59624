// Sources a reader can follow: nothing the package ships cites a document it does not ship (the project's
// research notes or seed files), and every bibliography entry is cited and can be found.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSHIPPED_DOCUMENT } from '../src/rules/semantic.js';
import { builtinRules, ROOT } from './helpers.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('sources', () => {
  it('no rule, parameter, message, source file, doc or README cites a document the package does not ship', () => {
    const files = [...filesUnder(join(ROOT, 'rules')), ...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'docs')), join(ROOT, 'README.md')];
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const m = UNSHIPPED_DOCUMENT.exec(line);
          return m ? [`${file.slice(ROOT.length + 1)}:${i + 1}: ${m[0]}`] : [];
        }),
    );
    expect(hits).toEqual([]);
  });

  it('the pattern catches the ways such documents were cited', () => {
    for (const s of ['DOMAIN.md §3.10', 'seed 002 FAQ', 'seeds 001, 002', 'seed #001', 'see seeds/README.md', '000_d74c08c45fbcfcb3.txt'])
      expect(s).toMatch(UNSHIPPED_DOCUMENT);
    for (const s of ['Civil Code Art. 195', 'a seed order of 200 units', 'domain.md.example is fine? no', 'seeded 2026']) {
      if (/domain\.md/i.test(s)) continue;
      expect(s).not.toMatch(UNSHIPPED_DOCUMENT);
    }
  });

  it('every built-in rule and parameter cites the bibliography, and every entry is cited and can be found', () => {
    const set = builtinRules();
    const cited = new Set([...set.rules.flatMap((r) => r.source), ...Object.values(set.params).flatMap((p) => p.source ?? [])].map((c) => c.ref));
    const ids = Object.keys(set.sources);
    expect(ids.length).toBeGreaterThan(30);
    expect([...cited].filter((id) => !ids.includes(id))).toEqual([]);
    expect(
      ids.filter((id) => !cited.has(id)),
      'bibliography entries no rule or parameter cites',
    ).toEqual([]);
    // A reader can open it, or the entry says why not (the issuer's text was not retrieved, a statute read in print).
    expect(ids.filter((id) => !set.sources[id]!.url && !set.sources[id]!.note)).toEqual([]);
    for (const id of ['zhang-partners-recover-losses', 'chinaimportal-report-disputes', 'getmymoneyback-ta-covers']) expect(cited.has(id), id).toBe(true);
    expect(set.sources['getmymoneyback-ta-covers']).toMatchObject({
      title: 'What Alibaba Trade Assurance Actually Covers',
      url: 'https://www.getmymoneyback.cn/blog-alibaba-vs-legal-action.html',
    });
  });

  it('parameters that are stated or secondary name a source; the others say what they rest on', () => {
    const params = Object.entries(builtinRules().params);
    expect(params.filter(([, p]) => (p.confidence === 'stated' || p.confidence === 'secondary') && !p.source?.length).map(([n]) => n)).toEqual([]);
    expect(params.filter(([, p]) => !p.source?.length && !p.note).map(([n]) => n)).toEqual([]);
  });
});
