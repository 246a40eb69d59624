// Help conventions (issue 18): the root --help's examples and exit codes, and "did you mean" for a mistyped
// command. The main command takes case files as arguments, so a word is read as a command name only when no
// such file exists: an existing file named like a command is still assessed.
import { statSync } from 'node:fs';
import { diag, type Diagnostic } from '../source/diagnostics.js';
import { didYouMean } from '../source/suggest.js';

/** Shown after the root --help's options and commands. */
export const ROOT_HELP_AFTER = `
Examples:
  dispute-assess my-case.yaml                  assess a case file
  dispute-assess cases/ --format json          every case in a folder, a JSON line each
  cat my-case.yaml | dispute-assess -          the case from standard input
  dispute-assess my-case.yaml -f json -o r.json
                                               the report to a file, replaced when complete
  dispute-assess interview --out my-case.yaml  answer questions instead of writing YAML
  dispute-assess help pack                     help for one command
  dispute-assess schema --assessment           the JSON Schema of --format json
  source <(dispute-assess completion bash)     shell completion (also zsh, fish)

Defaults (buyer country and tier, --as-of, language, rule packs) can be set once
in dispute-assess.config.yaml (looked for upward from the current folder), a
"dispute-assess" key in package.json, or the user config
$XDG_CONFIG_HOME/dispute-assess/config.yaml. Flags win over them.

Exit codes:
  0  assessed
  1  a finding reached --fail-on <severity>
  2  bad input (YAML, case, config, arguments), invalid rules, or an internal error
This is not legal advice.`;

/** A usage diagnostic for arguments that look like a mistyped command ("interveiw"), or undefined. A word is a
 * candidate only when it is not an existing path and has no folder or .yaml part. */
export function mistypedCommand(paths: readonly string[], commands: readonly string[]): Diagnostic | undefined {
  for (const p of paths) {
    if (p === '-' || /[/\\.]/.test(p) || exists(p)) continue;
    const near = didYouMean(p, commands);
    if (near)
      return diag('usage', `'${p}' is neither a command nor a file (did you mean the command '${near}'? see dispute-assess --help)`, { file: '(arguments)' });
  }
  return undefined;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** `help <word>` where the word is no command: a usage diagnostic with the closest command, or undefined. */
export function unknownHelpTopic(argv: readonly string[], commands: readonly string[]): Diagnostic | undefined {
  if (argv[0] !== 'help' || argv[1] === undefined || argv[1].startsWith('-') || commands.includes(argv[1])) return undefined;
  const near = didYouMean(argv[1], commands);
  return diag('usage', `there is no command '${argv[1]}'${near ? ` (did you mean '${near}'?)` : ''}; the commands are ${commands.join(', ')}`, {
    file: '(arguments)',
  });
}
