// `dispute-assess completion bash|zsh|fish` (issue 18). Commander has no completion and the completion packages
// are either large or unmaintained, so the scripts are generated from the program's own commander tree:
// commands, their options, the options' choices, and whether they take files. Nothing is listed by hand.
import type { Command, Option } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface OptSpec {
  short?: string;
  long?: string;
  takesValue: boolean;
  choices?: readonly string[];
  description: string;
}
interface CmdSpec {
  name: string;
  description: string;
  options: OptSpec[];
  files: boolean;
  words?: string[];
}

const BIN = 'dispute-assess';
const HELP_OPT: OptSpec = { short: '-h', long: '--help', takesValue: false, description: 'show help' };

/** The commands and options of a program, as completion needs them; the main command is named ''. */
export function completionTree(program: Command): CmdSpec[] {
  const spec = (c: Command, name: string): CmdSpec => {
    const choices = c.registeredArguments[0]?.argChoices;
    return {
      name,
      description: firstLine(c.description()),
      options: [...c.options.filter((o) => !(o as Option & { hidden?: boolean }).hidden).map(optSpec), HELP_OPT],
      files: c.registeredArguments.length > 0 && !choices,
      ...(choices ? { words: choices } : {}),
    };
  };
  const subs = program.commands.map((c) => spec(c, c.name()));
  const help: CmdSpec = { name: 'help', description: 'help for a command', options: [], files: false, words: subs.map((s) => s.name) };
  return [spec(program, ''), ...subs, help];
}

function optSpec(o: Option): OptSpec {
  return {
    ...(o.short ? { short: o.short } : {}),
    ...(o.long ? { long: o.long } : {}),
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
    description: firstLine(o.description),
  };
}

const firstLine = (s: string) => (s.split('\n')[0] ?? '').slice(0, 100);
const flags = (o: OptSpec) => [o.short, o.long].filter((f): f is string => f !== undefined);

/** The completion script for a shell. */
export function completionScript(shell: Shell, program: Command): string {
  const tree = completionTree(program);
  return shell === 'bash' ? bash(tree) : shell === 'zsh' ? zsh(tree) : fish(tree);
}

function bash(tree: CmdSpec[]): string {
  const subs = tree.slice(1);
  const names = subs.map((s) => s.name);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const valueCases: string[] = [];
  for (const c of tree) {
    for (const o of c.options.filter((x) => x.takesValue)) {
      const words = o.choices ? `COMPREPLY=($(compgen -W ${q(o.choices.join(' '))} -- "$cur"))` : 'COMPREPLY=($(compgen -f -- "$cur"))';
      valueCases.push(
        `    ${flags(o)
          .map((f) => q(`${c.name}:${f}`))
          .join('|')}) ${words}; return ;;`,
      );
    }
  }
  const optCases = tree.map((c) => `    ${q(c.name)}) opts=${q(c.options.flatMap(flags).join(' '))} ;;`);
  const argCases = subs.map(
    (c) =>
      `    ${q(c.name)}) ${c.words ? `COMPREPLY=($(compgen -W ${q(c.words.join(' '))} -- "$cur"))` : c.files ? 'COMPREPLY=($(compgen -f -- "$cur"))' : 'COMPREPLY=()'} ;;`,
  );
  return `# ${BIN} completion for bash. Load it with:  source <(${BIN} completion bash)
# (or save it as ~/.local/share/bash-completion/completions/${BIN}). Generated from the program's commands.
_dispute_assess() {
  local cur prev cmd opts i w
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      ${names.map(q).join('|')}) cmd="$w"; break ;;
      -*) ;;
      *) break ;;
    esac
  done
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  case "$cmd" in
${optCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case "$cmd" in
    '') COMPREPLY=($(compgen -W ${q(names.join(' '))} -- "$cur") $(compgen -f -- "$cur")) ;;
${argCases.join('\n')}
  esac
}
complete -o filenames -F _dispute_assess ${BIN}
`;
}

function zsh(tree: CmdSpec[]): string {
  const [root, ...subs] = tree as [CmdSpec, ...CmdSpec[]];
  const esc = (s: string) => s.replace(/[[\]:'\\]/g, ' ');
  const specs = (c: CmdSpec) => {
    const out = c.options.flatMap((o) =>
      flags(o).map((f) => `'${f}[${esc(o.description)}]${o.takesValue ? `:value:${o.choices ? `(${o.choices.join(' ')})` : '_files'}` : ''}'`),
    );
    if (c.words) out.push(`'1:command:(${c.words.join(' ')})'`);
    else if (c.files) out.push(`'*:file:_files'`);
    return out.join(' ');
  };
  return `#compdef ${BIN}
# ${BIN} completion for zsh. Save it as _${BIN} in a folder of your $fpath, or after compinit run:
#   source <(${BIN} completion zsh)
# Generated from the program's commands.
_dispute_assess() {
  local -a commands
  commands=(${subs.map((s) => `'${s.name}:${esc(s.description)}'`).join(' ')})
  if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then
    _describe 'command' commands
    _files
    return
  fi
  case $words[2] in
${subs.map((s) => `    ${s.name}) shift words; (( CURRENT-- )); _arguments ${specs(s)} ;;`).join('\n')}
    *) _arguments ${specs(root)} ;;
  esac
}
compdef _dispute_assess ${BIN}
`;
}

function fish(tree: CmdSpec[]): string {
  const [root, ...subs] = tree as [CmdSpec, ...CmdSpec[]];
  const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const names = subs.map((s) => s.name).join(' ');
  const lines = [
    `# ${BIN} completion for fish. Save it as ~/.config/fish/completions/${BIN}.fish, or run:`,
    `#   ${BIN} completion fish | source`,
    `# Generated from the program's commands.`,
    `complete -c ${BIN} -f`,
  ];
  const opt = (cond: string, o: OptSpec) => {
    const parts = [`complete -c ${BIN} -n ${q(cond)}`];
    if (o.short) parts.push(`-s ${o.short.slice(1)}`);
    if (o.long) parts.push(`-l ${o.long.slice(2)}`);
    if (o.takesValue) parts.push(o.choices ? `-x -a ${q(o.choices.join(' '))}` : '-r -F');
    parts.push(`-d ${q(o.description)}`);
    return parts.join(' ');
  };
  const rootCond = `not __fish_seen_subcommand_from ${names}`;
  for (const s of subs) lines.push(`complete -c ${BIN} -n ${q('__fish_use_subcommand')} -a ${s.name} -d ${q(s.description)}`);
  lines.push(`complete -c ${BIN} -n ${q(rootCond)} -F`);
  for (const o of root.options) lines.push(opt(rootCond, o));
  for (const s of subs) {
    const cond = `__fish_seen_subcommand_from ${s.name}`;
    if (s.words) lines.push(`complete -c ${BIN} -n ${q(cond)} -a ${q(s.words.join(' '))}`);
    else if (s.files) lines.push(`complete -c ${BIN} -n ${q(cond)} -F`);
    for (const o of s.options) lines.push(opt(cond, o));
  }
  return lines.join('\n') + '\n';
}
