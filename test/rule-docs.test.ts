// The rule reference (docs/rules/) is generated from the rule files; a stale committed page fails here.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DERIVED } from '../src/case/derive.js';
import { conditionWords, rulePagePath } from '../src/rules/reference.js';
import { derivedDefinitions, generateRuleDocs, stalePages, DOCS_DIR } from '../scripts/rule-docs.js';
import { builtinRules, cli, ROOT } from './helpers.js';

const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
const inGit = git(['rev-parse', '--is-inside-work-tree']).stdout?.trim() === 'true';

describe('rule reference pages', () => {
  const { pages } = generateRuleDocs();

  it('the pages on disk are the ones the rule files generate (run npm run build and commit docs/rules)', () => {
    expect(stalePages(pages)).toEqual([]);
  });

  it.skipIf(!inGit)('and they are committed: no unstaged or untracked change under docs/rules', () => {
    const changed = git(['status', '--porcelain', '--untracked-files=all', '--', DOCS_DIR])
      .stdout.split('\n')
      .filter((l) => /^(.[MD]|\?\?)/.test(l));
    expect(changed, 'docs/rules differs from what is committed or staged: git add docs/rules').toEqual([]);
  });

  it("has a page per rule (one folder per pack, the id's slash as a dot), the derived facts and an index linking them all", () => {
    const set = builtinRules();
    for (const r of set.rules) {
      const path = rulePagePath(r);
      expect(path).toMatch(/^[a-z0-9-]+\/[a-z0-9_.-]+\.md$/);
      expect(pages.get(path)).toContain(`# ${r.id}: ${r.title}`);
      expect(pages.get('README.md')).toContain(`](${path})`);
    }
    expect(new Set(set.rules.map(rulePagePath)).size).toBe(set.rules.length);
    for (const d of DERIVED) expect(pages.get('derived-facts.md')).toContain(`## ${d.name}`);
  });

  it('a page shows the condition in plain words and as written, the parameters, the sources with links and the fixtures', () => {
    const page = pages.get('trade-assurance/ta.order-closed.md')!;
    expect(page).toContain('`derived.order_closed_too_long_ago` is `true`');
    expect(page).toContain('when: { fact: derived.order_closed_too_long_ago, equals: true }');
    expect(page).toContain('`ta_closed_order_days` = 30 days');
    expect(page).toContain('(https://service.alibaba.com/buyer/faq_detail/22040035.htm)');
    expect(page).toContain('fixtures/b-ta-order-closed.yaml');
  });

  it('words for nested conditions, parameters and dates', () => {
    const set = builtinRules();
    const words = conditionWords(
      {
        all: [
          { fact: 'order.channel', equals: 'offline' },
          { not: { fact: 'derived.loss_usd', gt: { param: 'small_claim_usd' } } },
          { fact: 'order.date', lt: '2026-01-01' },
        ],
      },
      set,
    );
    expect(words[0]).toBe('all of:');
    expect(words[1]).toMatch(/^ {2}order\.channel is offline/);
    expect(words[2]).toBe('  not:');
    expect(words[3]).toMatch(/^ {4}derived\.loss_usd is more than small_claim_usd \(5000 USD\)/);
    expect(words[4]).toMatch(/^ {2}order\.date is before 2026-01-01/);
  });

  it('knows where every derived fact is computed', () => {
    const defs = derivedDefinitions();
    expect(DERIVED.map((d) => d.name).filter((n) => !defs[n])).toEqual([]);
  });
});

describe('dispute-assess rules', () => {
  it('lists every rule, prints one rule and a derived fact, and rejects an unknown id with a suggestion', () => {
    const list = cli(['rules']);
    expect(list.code).toBe(0);
    for (const r of builtinRules().rules) expect(list.stdout).toContain(r.id);
    const one = cli(['rules', 'ta/order-closed']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('ta/order-closed: Order closed by Alibaba too long ago');
    expect(one.stdout).toContain('https://service.alibaba.com/buyer/faq_detail/22040035.htm');
    expect(one.stdout).toContain('fixtures/b-ta-order-closed.yaml');
    const d = cli(['rules', 'derived.ta_window_end']);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('Reads: order.delivery.receipt_confirmed_date');
    const bad = cli(['rules', 'ta/order-close']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean 'ta\/order-closed'/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
