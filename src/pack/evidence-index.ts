// The exhibit list: every evidence item of the case with its status, files (size, SHA-256, modification time),
// note and what it proves, then the required items the buyer does not hold.
import { md, table } from './markdown.js';
import { exhibits, gaps, type FileFact, type PackInput } from './model.js';
import { supplierName } from './brief.js';
import type { Words } from './words.js';

/** The evidence index as Markdown. */
export function evidenceIndexMarkdown(input: PackInput, w: Words): string {
  const { t } = w;
  const list = exhibits(input);
  const out = [
    `# ${t('index.title', { supplier: md(supplierName(input) ?? t('ph.supplier_name')) })}`,
    '',
    t('index.intro', { date: input.assessment.as_of, caseFile: `\`${input.caseFile.replace(/`/g, '')}\`` }),
    '',
    `## ${t('index.exhibits')}`,
    '',
  ];
  if (list.length === 0) out.push(t('evidence.none'));
  else
    out.push(
      ...table(
        [t('col.exhibit'), t('col.evidence'), t('col.status'), t('col.files')],
        list.map((e) => [e.no, w.evidence(e.kind), w.w('status', e.status), String(e.files.length)]),
      ),
    );
  for (const e of list) {
    out.push('', `### ${e.no}. ${w.evidence(e.kind)}: ${w.w('status', e.status)}`, '');
    const colon = t('punct.colon');
    out.push(`- ${t('col.proves')}${colon}${md(input.catalogue.evidence[e.kind]?.proves ?? '')}`);
    if (e.note) out.push(`- ${t('col.note')}${colon}${md(e.note)}`);
    out.push(`- ${t('col.files')}${colon}${e.files.length ? '' : t('files.none')}`.trimEnd());
    for (const f of e.files) out.push(`  - ${fileLine(f, w)}`);
  }
  out.push('', `## ${t('index.gaps')}`, '');
  const missing = gaps(input.assessment);
  if (missing.length === 0) out.push(t('evidence.no_gaps'));
  for (const g of missing) {
    out.push(
      `- ${t('index.gap_line', { title: `**${w.evidence(g.kind)}**`, status: w.w('status', g.status), types: g.types.map((d) => w.w('dispute', d)).join(', '), where: md(input.catalogue.evidence[g.kind]?.where ?? '') })}`,
    );
  }
  return out.join('\n') + '\n';
}

function fileLine(f: FileFact, w: Words): string {
  const path = `\`${f.path.replace(/`/g, '')}\``;
  if (!f.found) return w.t('index.file_missing', { path, problem: md(f.problem ?? w.t('files.not_found')) });
  return w.t('index.file_line', { path, size: (f.size ?? 0).toLocaleString('en-US'), sha: `\`${f.sha256 ?? ''}\``, mtime: f.mtime ?? '' });
}
