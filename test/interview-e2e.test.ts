// End to end: the built binary in a real pseudo-terminal (tmux), answering a whole interview with one invalid
// answer, one "I don't know", a Ctrl-C, a resume with a changed answer, and the verdict at the end.
// Questions after the opening ones depend on the loaded rules, so those are answered generically.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BIN, builtinRules, cli } from './helpers.js';
import { questionFor } from '../src/interview/catalogue.js';
import { valueAt } from '../src/interview/values.js';
import { answerDontKnow, done, HAS_TMUX, keys, pathOf, prompt, rcOf, screen, sleep, SOCKET, start, tmux, type, waitFor, waiting } from './interview-tmux.js';

const AS_OF = '2026-03-10';
describe.skipIf(!HAS_TMUX)('interview in a terminal (tmux)', () => {
  afterAll(() => {
    if (HAS_TMUX) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  it('refuses to run without a terminal, at once, with exit 2', () => {
    const started = Date.now();
    const a = cli(['interview']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('needs a terminal');
    const b = cli([]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('no case file given');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses when only the output is redirected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-e2e-'));
    start(dir, 'interview > out.txt 2> err.txt', 'rc.txt');
    await waitFor(() => rcOf(dir, 'rc.txt') !== '');
    expect(readFileSync(join(dir, 'rc.txt'), 'utf8').trim()).toBe('2');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toContain('needs a terminal');
  });

  it('with no file on a terminal, starts the interview; Ctrl-C before any answer saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-e2e-'));
    start(dir, '', 'rc.txt');
    await waitFor(/\? What went wrong\?/);
    keys('C-c');
    await waitFor(() => rcOf(dir, 'rc.txt') !== '');
    expect(readFileSync(join(dir, 'rc.txt'), 'utf8').trim()).toBe('130');
    expect(screen()).toContain('nothing was saved');
    expect(readdirSync(dir)).toEqual(['rc.txt']);
  });

  it('offers to continue an unfinished interview left in the folder (the default), asking only what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-e2e-'));
    writeFileSync(join(dir, 'dispute-case.partial.yaml'), 'dispute:\n  types: [non_delivery]\n');
    start(dir, `interview --as-of ${AS_OF}`, 'rc.txt');
    await waitFor(/\? You have an unfinished interview in dispute-case\.partial\.yaml\. Continue it\?/);
    keys('Enter');
    await waitFor(/\? In which country is your business based\?/);
    expect(screen()).not.toMatch(/What went wrong\?/);
    type('Canada');
    keys('Enter');
    await waitFor(/\? What did you order\?/);
    keys('C-c');
    await waitFor(() => rcOf(dir, 'rc.txt') !== '');
    expect(parse(readFileSync(join(dir, 'dispute-case.partial.yaml'), 'utf8')).buyer).toEqual({ country: 'CA' });
    expect(readdirSync(dir).sort()).toEqual(['dispute-case.partial.yaml', 'rc.txt']);
  });

  it('a closed terminal keeps the answers given and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-e2e-'));
    // A parent that outlives the terminal records how the interview ended.
    writeFileSync(
      join(dir, 'wrap.mjs'),
      [
        "import { spawn } from 'node:child_process'; import { writeFileSync } from 'node:fs';",
        "process.on('SIGHUP', () => {});",
        "const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit' });",
        "child.on('exit', (code, signal) => writeFileSync('rc.json', JSON.stringify({ code, signal })));",
      ].join('\n'),
    );
    spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', 'e2e']);
    tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '40', '-c', dir, `NO_COLOR=1 node wrap.mjs ${BIN} interview --out case.yaml --as-of ${AS_OF}`);
    await waitFor(/\? What went wrong\?/);
    keys('Down', 'Space', 'Enter');
    await waitFor(/\? In which country is your business based\?/);
    tmux('kill-session', '-t', 'e2e');
    const rcFile = join(dir, 'rc.json');
    const end = Date.now() + 8000;
    while (!existsSync(rcFile) && Date.now() < end) await sleep(40);
    expect(JSON.parse(readFileSync(rcFile, 'utf8'))).toEqual({ code: 130, signal: null });
    expect(parse(readFileSync(join(dir, 'case.yaml'), 'utf8')).dispute.types).toEqual(['quality']);
  });

  it('answers, stops on Ctrl-C with the answers saved, resumes, changes an answer and ends with the verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-e2e-'));
    const file = join(dir, 'case.yaml');
    const rc = (f: string) => rcOf(dir, f);
    start(dir, `interview --out case.yaml --as-of ${AS_OF}`, 'rc1.txt');
    await waitFor(/\? What went wrong\?/);
    keys('Space', 'Enter');
    await waitFor(/\? In which country is your business based\?/);
    type('Canada');
    keys('Enter');
    await waitFor(/\? What did you order\?/);
    type('500 oak dining chairs');
    keys('Enter');
    await waitFor(/\? How was the order placed\?/);
    // A wrong arrow key at the top of the list stays there (lists do not wrap): Up, Down, Down is the third choice.
    keys('Up', 'Down', 'Down', 'Enter');
    await waitFor(/\? Have you paid the supplier anything\?/);
    keys('Enter');
    await waitFor(/\? Payment 1: how much did you pay\?/);
    type('6000');
    keys('Enter');
    await waitFor(/Which currency\? Please add it/);
    keys('C-u');
    type('$6000'); // a Canadian's "$" is the Canadian dollar
    keys('Enter');
    await waitFor(/\? Payment 1: on what date did you pay\?/);
    type('2 Dec 2025'); // a date as people write it
    keys('Enter');
    await waitFor(/\? Payment 1: how did you pay\?/);
    keys('Down', 'Enter');
    await waitFor(/\? Payment 1: where did the money go\?/);
    keys('Down', 'Down', 'Down', 'Enter');
    await waitFor(/\? Payment 1: what was this payment for\?/);
    keys('Enter');
    await waitFor(/\? Did you make another payment/);
    keys('n', 'Enter');
    await waitFor(/✔ Did you make another payment to the supplier\? No/);
    const unknownText = await answerDontKnow();
    const unknownPath = pathOf(unknownText);
    expect(unknownPath, unknownText).toBeDefined();
    keys('C-c');
    await waitFor(() => rc('rc1.txt') !== '');
    expect(rc('rc1.txt')).toBe('130');
    const stopped = screen();
    expect(stopped).toContain('Your answers so far are saved in case.yaml');
    // one honest progress figure, no "a few questions" beside it
    expect(stopped).toMatch(/question 2, about \d+ more after this/);
    expect(stopped).not.toContain('a few questions');
    expect(stopped).toContain('npx dispute-assess interview --resume case.yaml');
    const partial = parse(readFileSync(file, 'utf8'));
    expect(partial.dispute.types).toEqual(['non_delivery']);
    expect(partial.order.channel).toBe('offline');
    expect(partial.order.goods).toBe('500 oak dining chairs');
    expect(partial.order.payments).toEqual([
      { date: '2025-12-02', amount: { amount: 6000, currency: 'CAD' }, method: 'tt', via: 'hong_kong_account', stage: 'deposit' },
    ]);
    expect(valueAt(partial, unknownPath!), unknownPath).toBeUndefined();
    // the saved file lists the research as homework (with where to look) and what was answered "I don't know"
    const savedText = readFileSync(file, 'utf8');
    expect(savedText).toMatch(/^# Homework: /m);
    expect(savedText).toContain('gsxt.gov.cn');
    expect(savedText).toMatch(new RegExp(`^#   .*${unknownPath!.replace(/\./g, '\\.')}`, 'm'));

    start(dir, `interview --resume case.yaml --as-of ${AS_OF}`, 'rc2.txt');
    await waitFor(/^\? Last time you answered "I don't know" to 1 question\. Ask it again\?/m);
    keys('Enter'); // no: it stays "I don't know"
    await waitFor(/^\? /m);
    let changed = false;
    for (let i = 0; i < 80 && rc('rc2.txt') === ''; i++) {
      const s = await waitFor((now) => waiting(now) || rc('rc2.txt') !== '');
      if (rc('rc2.txt') !== '') break;
      if (/^\? Is this right\?/m.test(s.split('\n').slice(-8).join('\n'))) {
        const before = done(s);
        if (changed) keys('Enter');
        else keys('Down', 'Enter');
        await waitFor((now) => done(now) > before || rc('rc2.txt') !== '');
        if (!changed) {
          await waitFor(/\? Which answer do you want to change\?/);
          keys('Enter');
          await waitFor(/\? What went wrong\?/);
          const n = done(screen());
          keys('Down', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter');
          await waitFor((now) => done(now) > n);
          changed = true;
        }
        continue;
      }
      await answerDontKnow();
    }
    await waitFor(() => rc('rc2.txt') !== '', 10_000);
    expect(rc('rc2.txt')).toBe('0');
    const final = screen();
    const resumed = final.slice(final.lastIndexOf('dispute-assess interview:'));
    expect(resumed).not.toMatch(/^[?✔] How was the order placed\?/m);
    expect(resumed).not.toMatch(/^[?✔] Have you paid the supplier anything\?/m);
    // the earlier "I don't know" is not asked again; the homework is
    const unknownQuestion = questionFor(unknownPath!, builtinRules())!.text;
    expect(resumed.split('\n').filter((l) => l.startsWith('✔ ') && l.includes(unknownQuestion))).toEqual([]);
    expect(resumed).toMatch(/^✔ What does China's company register say about the supplier\?/m);
    expect(changed).toBe(true);

    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# A dispute-assess case file, written by `dispute-assess interview`')).toBe(true);
    const saved = parse(text);
    expect(saved.dispute.types).toEqual(['non_delivery', 'late_delivery']);
    expect(saved.order.payments).toHaveLength(1);
    const report = cli([file, '--as-of', AS_OF]);
    expect(report.code).toBe(0);
    const taLine = report.stdout.split('\n').find((l) => l.includes('Trade Assurance:'))!;
    expect(taLine).toBeDefined();
    expect(final).toContain(taLine.trim());
    expect(final).toContain(`Saved your case in case.yaml`);
    // The closing lines come after the report, not in the middle of it.
    expect(final.lastIndexOf('Your case is saved in')).toBeGreaterThan(final.lastIndexOf(taLine.trim()));
  }, 30_000);
  it('follows up an event ticked in "Which of these apply?" and notes the others as not happened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-e2e-'));
    writeFileSync(
      join(dir, 'case.yaml'),
      [
        'buyer: { country: GB }',
        'dispute: { types: [non_delivery], amount_claimed: { amount: 6000, currency: USD } }',
        'order:',
        '  goods: 500 oak dining chairs',
        '  channel: offline',
        '  date: 2025-12-01',
        '  delivery: { expected_date: 2026-02-01 }',
        '  payments: [{ date: 2025-12-02, amount: { amount: 6000, currency: USD }, method: tt, via: supplier_company_account, stage: full }]',
        '',
      ].join('\n'),
    );
    start(dir, `interview --resume case.yaml --as-of ${AS_OF}`, 'rc.txt');
    for (let i = 0; i < 12; i++) {
      if (prompt(await waitFor(waiting)).text.startsWith('Which of these apply?')) break;
      await answerDontKnow();
    }
    const offer = 'The supplier offered to put it right';
    for (let i = 0; i < 20 && !new RegExp(`❯.*${offer}`).test(screen()); i++) {
      keys('Down');
      await sleep(60);
    }
    expect(screen()).toMatch(new RegExp(`❯.*${offer}`));
    keys('Space', 'Enter');
    await waitFor(/^\? What does the supplier offer to put it right\?/m);
    // the review screen lists what did not happen (it can be taken back there), apart from the "I don't know" answers
    for (let i = 0; i < 30; i++) {
      if (/^\? Is this right\?/m.test((await waitFor(waiting)).split('\n').slice(-8).join('\n'))) break;
      await answerDontKnow();
    }
    const review = screen();
    const gone = review.slice(review.lastIndexOf('You said these did not happen'));
    expect(gone).toContain('Have customs (or a product-safety authority) stopped the goods?');
    expect(gone).not.toContain('What does the supplier offer to put it right?');
    keys('C-c');
    await waitFor(() => rcOf(dir, 'rc.txt') !== '');
    const text = readFileSync(join(dir, 'case.yaml'), 'utf8');
    const notes = text.slice(text.indexOf('# Did not happen (not asked again):'));
    expect(notes).toMatch(/customs\.event/);
    expect(notes).not.toMatch(/dispute\.offer\.kind/);
  });
});

if (!HAS_TMUX)
  describe('interview in a terminal', () => it.skip('skipped: tmux is not installed, so the end-to-end interview test cannot drive a terminal', () => {}));
