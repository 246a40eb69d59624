// Research as homework (issue 15): register and court look-ups a buyer cannot do mid-interview. The interview
// leaves them for later (and asks them on --resume); the report lists those that would still change the verdict,
// each with how to do it. Pure data: the assessment reads it too.
import { BUNDLES } from './bundles.js';

/** A look-up the buyer does after the interview: where, what to type, and what the answer means. */
export interface Homework {
  path: string;
  title: string;
  how: string;
}

/** Register and court look-ups: never asked mid-interview; listed as homework and asked on `interview --resume`. */
export const HOMEWORK: readonly Homework[] = [
  {
    path: 'supplier.uscc',
    title: "Find the supplier's Unified Social Credit Code (统一社会信用代码)",
    how: 'It is the 18-character code on its business licence (ask the supplier for a photo of it, or look at the contract stamp or proforma invoice). On gsxt.gov.cn type the Chinese company name to find it.',
  },
  {
    path: 'supplier.registration_status',
    title: "Check the supplier's status in China's company register",
    how: 'On www.gsxt.gov.cn (National Enterprise Credit Information Publicity System) type the company name in Chinese or its credit code. Status words: 存续 / 在业 = active; 经营异常 = listed for abnormal operations; 严重违法失信 = serious illegal and dishonest list; 吊销 = licence revoked; 注销 = deregistered; 清算 = in liquidation.',
  },
  {
    path: 'supplier.dishonest_judgment_debtor',
    title: 'Check the dishonest judgment-debtor list',
    how: 'On zxgk.court.gov.cn choose 失信被执行人 (dishonest judgment debtors) and type the company name in Chinese or its credit code. A hit means a court found it refused to pay a judgment.',
  },
  {
    path: 'supplier.closely_held',
    title: 'Find out who owns the supplier',
    how: 'On gsxt.gov.cn open the company and read 股东信息 (shareholders): one shareholder, or a family circle, means a closely held company.',
  },
  {
    path: 'liable-persons',
    title: "Identify the supplier's shareholders, actual controller and affiliates",
    how: 'gsxt.gov.cn lists 股东 (shareholders) and 主要人员 (key people); a paid company report (e.g. Qichacha 企查查 or Tianyancha 天眼查) shows 实际控制人 (actual controller) and 关联企业 (affiliates).',
  },
  {
    path: 'assets',
    title: "Find the supplier's assets in China",
    how: "The account you paid (if it is the company's, in mainland China), its factory address and equipment, property and customers it names; a company report (企查查 / 天眼查) lists registered property and pledges. A lawyer can search further before applying to freeze them.",
  },
];

/** The homework that would settle any of these unknown facts, in HOMEWORK's order, with the facts it settles (a
 * checklist's items for the bundles: liable persons, assets). */
export function homeworkFor(unknown: readonly string[]): { id: string; title: string; how: string; facts: string[] }[] {
  return HOMEWORK.flatMap((h) => {
    const bundle = BUNDLES.find((b) => b.id === h.path);
    const facts = (bundle ? Object.keys(bundle.items) : [h.path]).filter((f) => unknown.includes(f));
    return facts.length ? [{ id: h.path, title: h.title, how: h.how, facts }] : [];
  });
}
