// ip.rights, a list of {kind, registered_in_china}, asked as one "which of these do you hold?" question.
import type { Case } from '../case/schema.js';
import type { Choice } from './catalogue.js';

type Right = NonNullable<NonNullable<Case['ip']>['rights']>[number];
const KINDS = ['trademark', 'patent', 'design_patent'] as const;
const NAMES: Record<(typeof KINDS)[number], string> = { trademark: 'A trademark', patent: 'A patent', design_patent: 'A design patent' };

/** The choices: each registrable kind in China or only elsewhere, and copyright. */
export const IP_RIGHT_CHOICES: Choice[] = [
  ...KINDS.flatMap((k) => [
    { value: `${k}:cn`, label: `${NAMES[k]} registered in China (or extended to China)` },
    { value: `${k}:abroad`, label: `${NAMES[k]} registered only outside China` },
  ]),
  { value: 'copyright', label: 'Copyright in the design, images or text' },
];

/** The ticked choices as the case's list of rights. */
export function encodeIpRights(values: readonly string[]): Right[] {
  return values.map((v) => (v === 'copyright' ? { kind: 'copyright' } : { kind: v.split(':')[0] as Right['kind'], registered_in_china: v.endsWith(':cn') }));
}

/** A case's list of rights as ticked choices (a right with unknown registration ticks nothing). */
export function decodeIpRights(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return (value as Right[]).flatMap((r) => {
    if (r.kind === 'copyright') return ['copyright'];
    if (r.registered_in_china === undefined) return [];
    return [`${r.kind}:${r.registered_in_china ? 'cn' : 'abroad'}`];
  });
}
