// The interview's groups, in the order the source texts reason: what happened, who the counterparty is,
// whether the supplier still operates, what evidence there is, and which options are open.

export const GROUPS = ['happened', 'counterparty', 'status', 'evidence', 'options'] as const;
export type GroupId = (typeof GROUPS)[number];

/** Titles shown as section headers during the interview and on the review screen. */
export const GROUP_TITLES: Record<GroupId, string> = {
  happened: 'What happened',
  counterparty: 'Who you dealt with',
  status: 'Is the supplier still in business?',
  evidence: 'Your evidence',
  options: 'Your options',
};
