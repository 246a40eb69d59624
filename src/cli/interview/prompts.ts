// Asking one question on the terminal with @inquirer/prompts. Loaded only by the interview (lazily).
// The prompt library writes to the terminal itself, so every text it shows passes the terminal sanitiser here
// (a rule pack's evidence titles, a resumed file's values).
import { checkbox, confirm, input, select, Separator } from '@inquirer/prompts';
import type { Question } from '../../interview/catalogue.js';
import { choiceToValue, DONT_KNOW_LABEL, formatAnswer, parseTyped, valueToChoice, valueToText } from '../../interview/values.js';
import type { Parsed } from '../../interview/answers.js';
import { safeInline } from '../../source/safe-text.js';
import wrapAnsi from 'wrap-ansi';

/** A known value, or "I don't know" (the fact stays unknown). */
export type Answer = { known: true; value: unknown } | { known: false };

/** What parsing an answer needs: today's date, and the buyer's country (which dollar a plain "$" is). */
export interface PromptContext {
  today: string;
  buyerCountry?: string;
}

const DK = '__dont_know__';
const NONE = '__none__';

/** Ask a question with choices (yes/no, one of, several of) or a typed answer, offering "I don't know". */
export async function askQuestion(q: Question, current: unknown, ctx: PromptContext): Promise<Answer> {
  if (q.kind === 'boolean' || q.kind === 'enum') {
    const choices = [
      ...(q.choices ?? []).map((c) => ({ name: safeInline(c.label), value: c.value })),
      new Separator(' '),
      { name: DONT_KNOW_LABEL, value: DK },
    ];
    const def = valueToChoice(q, current);
    const v = await select({ message: safeInline(q.text), choices, pageSize: 14, loop: false, ...(def ? { default: def } : {}) });
    return v === DK ? { known: false } : { known: true, value: choiceToValue(q, v) };
  }
  if (q.kind === 'bundle' || q.kind === 'list') {
    // A bundle always offers "none of these"; a list only when it names one (then none is an answer too).
    const withNone = q.kind === 'bundle' || !!q.noneLabel;
    const now = Array.isArray(current) ? (current as string[]) : [];
    const choices = [
      ...(q.choices ?? []).map((c) => ({ name: safeInline(c.label), value: c.value, checked: now.includes(c.value) })),
      new Separator(' '),
      ...(withNone ? [{ name: q.noneLabel ?? 'None of these', value: NONE }] : []),
      { name: DONT_KNOW_LABEL, value: DK },
    ];
    const check = withNone ? checkBundle : checkList;
    const v = await checkbox({
      message: safeInline(q.text),
      choices,
      pageSize: 14,
      loop: false,
      shortcuts: { all: null, invert: null },
      validate: (picked) => check(picked.map((p) => p.value)),
    });
    return v.includes(DK) ? { known: false } : { known: true, value: v.filter((x) => x !== NONE) };
  }
  return askTyped(
    q.text,
    (t) => parseTyped(q, t, ctx.today, ctx.buyerCountry),
    valueToText(q, current),
    ctx,
    (v) => formatAnswer(q, v),
  );
}

/** Ask for a typed answer; a bad value gets a clear message and the question again. Empty or ? = don't know. */
export async function askTyped(
  message: string,
  parse: (text: string) => Parsed<unknown>,
  current: string | undefined,
  ctx: PromptContext,
  show: (v: unknown) => string = String,
): Promise<Answer> {
  const suffix = current === undefined ? " (Enter if you don't know)" : " (Enter keeps it; ? if you don't know)";
  const transformer = (t: string, { isFinal }: { isFinal: boolean }) => {
    const r = isFinal ? parse(t) : undefined;
    return r?.ok ? (r.value === undefined ? DONT_KNOW_LABEL : show(r.value)) : t;
  };
  // The prompt library writes the default to the terminal itself: it is shown escaped (a resumed file's value may
  // hold bidi or zero-width characters), and taking the shown default keeps the value as it was.
  const shown = current === undefined ? undefined : safeInline(current);
  const typed = await input({
    message: safeInline(message) + suffix,
    transformer,
    ...(shown !== undefined ? { default: shown } : {}),
    validate: (t) => {
      const r = parse(t === shown ? current! : t);
      return r.ok ? true : r.message;
    },
  });
  const text = typed === shown ? current! : typed;
  const r = parse(text);
  return r.ok && r.value !== undefined ? { known: true, value: r.value } : { known: false };
}

/** Choose one of a few options, with "I don't know" when dontKnow is set. */
export async function askChoice<T extends string>(
  message: string,
  choices: { value: T; label: string }[],
  ctx: PromptContext,
  opts: { dontKnow?: boolean; current?: string } = {},
): Promise<T | undefined> {
  const list: (Separator | { name: string; value: string })[] = choices.map((c) => ({ name: safeInline(c.label), value: c.value }));
  if (opts.dontKnow) list.push(new Separator(' '), { name: DONT_KNOW_LABEL, value: DK });
  const v = await select({ message: safeInline(message), choices: list, pageSize: 14, loop: false, ...(opts.current ? { default: opts.current } : {}) });
  return v === DK ? undefined : (v as T);
}

/** A yes/no question. */
export async function askConfirm(message: string, def: boolean, _ctx: PromptContext): Promise<boolean> {
  return confirm({ message: safeInline(message), default: def });
}

/** A free-text answer that must pass a check (e.g. a file name). */
export async function askText(message: string, def: string, check: (t: string) => true | string, _ctx: PromptContext): Promise<string> {
  const shown = safeInline(def);
  const answer = (await input({ message: safeInline(message), default: shown, validate: (t) => check(t === shown ? def : t) })).trim();
  return answer === shown ? def : answer;
}

function checkList(values: readonly string[]): true | string {
  if (values.length === 0) return `Choose at least one (Space selects), or "${DONT_KNOW_LABEL}".`;
  if (values.includes(DK) && values.length > 1) return `Choose the ones that apply, or only "${DONT_KNOW_LABEL}", not both.`;
  return true;
}

function checkBundle(values: readonly string[]): true | string {
  if (values.length === 0) return 'Tick the ones that apply (Space), or "None of these", or "I don\'t know".';
  if ((values.includes(DK) || values.includes(NONE)) && values.length > 1)
    return 'Tick the ones that apply, or only one of "None of these" and "I don\'t know".';
  return true;
}

/** Whether an error means the prompt was interrupted (Ctrl-C, closed terminal, abort). */
export function isInterrupt(e: unknown): boolean {
  const name = (e as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

/** A hint indented and wrapped to the terminal's width (ANSI- and wide-character-aware, by wrap-ansi). */
export function wrapHint(text: string, columns = process.stdout.columns || 80): string {
  const width = Math.max(30, Math.min(columns, 100) - 2);
  return wrapAnsi(text, width, { hard: true })
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
