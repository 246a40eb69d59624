// Bundles: yes/no facts a buyer answers better together, as one "which of these?" question. An unticked
// item is a "no": for things the buyer can point to (assets), not knowing of one is the answer.
import type { GroupId } from './groups.js';

export interface Bundle {
  /** The bundle's id, used in place of a fact path by the planner. */
  id: string;
  group: GroupId;
  text: string;
  hint: string;
  /** The boolean facts it sets, each with a short label. */
  items: Record<string, string>;
  none: string;
}

export const BUNDLES: readonly Bundle[] = [
  {
    id: 'assets', group: 'options',
    text: "Which of the supplier's assets in China can you point to?",
    hint: 'Space ticks, Enter confirms. Assets a court can freeze put pressure on the supplier.',
    items: {
      'assets.bank_accounts': 'A bank account (e.g. the company account you paid)',
      'assets.equipment': 'Equipment or stock (a factory, machines, goods)',
      'assets.property': 'Property (land, buildings, vehicles)',
      'assets.receivables': 'Money its other customers owe it',
    },
    none: 'None of these',
  },
];

/** The bundle a fact belongs to, if any. */
export function bundleOf(path: string): Bundle | undefined {
  return BUNDLES.find((b) => path in b.items);
}

/** The values a bundle answer sets: ticked items true, the others false. */
export function bundleValues(b: Bundle, ticked: readonly string[]): [string, boolean][] {
  return Object.keys(b.items).map((p) => [p, ticked.includes(p)]);
}
