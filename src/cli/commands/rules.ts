// `dispute-assess rules [id]`: the rule reference in the terminal, the same pages as docs/rules/: every rule
// by pack, one rule (what it decides, its condition in plain words and as written, parameters, sources,
// fixtures that fire it), or the derived facts (`rules derived`, `rules derived.ta_window_end`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DERIVED } from '../../case/derive.js';
import { diag } from '../../source/diagnostics.js';
import { suggestion } from '../../source/suggest.js';
import { derivedText, indexText, ruleText, type FixtureIndex } from '../../rules/reference.js';
import { packageRoot } from '../io/files.js';
import { loadRuleSet } from '../rule-files/source.js';
import { EXIT } from '../../exit-code.js';
import { printDiagnostics, type Io } from '../io/streams.js';

export interface RulesFlags {
  rules: string[];
  builtinRules: boolean;
}

/** The fixtures that fire each built-in rule, as the build recorded them (absent in a build without fixtures). */
function fixtureIndex(): FixtureIndex | undefined {
  const file = join(packageRoot(), 'dist', 'rule-fixtures.json');
  if (!existsSync(file)) return undefined;
  try {
    return { fires: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>, decides: {} };
  } catch {
    return undefined;
  }
}

/** Print the list of rules, one rule's page, or the derived facts; exit 2 for an id that names nothing. */
export function runRules(id: string | undefined, flags: RulesFlags, io: Io): number {
  const loaded = loadRuleSet(flags);
  if (!loaded.ok) {
    printDiagnostics(io, loaded.diagnostics);
    return EXIT.input;
  }
  const set = loaded.value;
  if (id === undefined) {
    io.out(indexText(set));
    return EXIT.ok;
  }
  if (id === 'derived') {
    io.out(DERIVED.map((d) => derivedText(d, set)).join('\n'));
    return EXIT.ok;
  }
  const derived = DERIVED.find((d) => d.name === id);
  if (derived) {
    io.out(derivedText(derived, set));
    return EXIT.ok;
  }
  const rule = set.rules.find((r) => r.id === id);
  if (!rule) {
    const names = [...set.rules.map((r) => r.id), ...DERIVED.map((d) => d.name), 'derived'];
    printDiagnostics(io, [
      diag('usage', `no rule or derived fact '${id}'${suggestion(id, names)}; \`dispute-assess rules\` lists them`, { file: '(arguments)' }),
    ]);
    return EXIT.input;
  }
  const fixtures = flags.builtinRules !== false ? fixtureIndex() : undefined;
  io.out(ruleText(rule, set, fixtures ? { fixtures } : {}));
  return EXIT.ok;
}
