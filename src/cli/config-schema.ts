// The config file's schema (zod): the source of truth for its type and, at build time, for the generated
// validator that checks config files at run time (config-validator.generated.js, scripts/build-rule-validator.ts).
import * as z from 'zod';
import { COUNTRY_CODES } from '../case/iso-codes.js';
import { LANGS } from '../pack/i18n/index.js';

export const configSchema = z
  .object({
    buyer: z
      .object({
        country: z.enum(COUNTRY_CODES).optional().describe("Your country (ISO 3166-1 alpha-2): fills a case's absent buyer.country"),
        alibaba_tier: z
          .enum(['standard', 'enterprise', 'enterprise_pro'])
          .optional()
          .describe("Your Alibaba.com membership tier: fills a case's absent buyer.alibaba_tier"),
      })
      .strict()
      .optional(),
    as_of: z.enum(['case', 'today']).optional().describe("'case' (default): the case's as_of, else today; 'today': always today, as --as-of with today's date"),
    lang: z.enum(LANGS).optional().describe('The language of a case pack brief (pack --lang)'),
    rules: z
      .array(z.string().min(1).max(1000))
      .max(50)
      .optional()
      .describe('Extra rule folders, relative to the config file, loaded with the built-in rules (--rules adds more)'),
  })
  .strict();

export type ConfigValues = z.infer<typeof configSchema>;
