// The words of the trade a buyer may not know, explained once at the end of the text report (issue 14), only
// those the report uses. Same wording as the case pack's glossary (src/pack/i18n/en.ts, gloss.*).

/** A term, how to find it in the report's text, and what it means. */
export interface GlossaryEntry {
  term: string;
  pattern: RegExp;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'PRC', pattern: /\bPRC\b/, meaning: "the People's Republic of China (mainland China, without Hong Kong, Macau and Taiwan)." },
  {
    term: 'USCC (credit code)',
    pattern: /\bUSCC\b|credit code/i,
    meaning: 'the Unified Social Credit Code, the 18-character registration number of every Chinese company, on its business licence.',
  },
  {
    term: 'Contracting party',
    pattern: /contracting (party|company)/i,
    meaning:
      'the company named on the contract or proforma invoice, the one a claim is brought against; it may differ from the holder of the account you paid.',
  },
  {
    term: 'CIETAC',
    pattern: /\bCIETAC\b/,
    meaning: 'the China International Economic and Trade Arbitration Commission, which decides disputes under an arbitration clause naming it.',
  },
  {
    term: 'Asset preservation',
    pattern: /asset preservation|freeze/i,
    meaning: "a PRC court's freeze of the supplier's bank accounts or property, before or with a lawsuit.",
  },
];

/** The entries whose term the text uses, in glossary order. */
export const glossaryFor = (text: string): GlossaryEntry[] => GLOSSARY.filter((g) => g.pattern.test(text));
