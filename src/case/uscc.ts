// Unified Social Credit Code (GB 32100-2015): format and check character (as implemented in python-stdnum, stdnum/cn/uscc.py).

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character (position 18) for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Whether a code has the right format and check character (spaces and case are ignored). */
export function usccValid(code: string): boolean {
  const c = normaliseUscc(code);
  return FORMAT.test(c) && usccCheckChar(c.slice(0, 17)) === c[17];
}

/** Whether a code has the 18-character format (ignoring the check character). */
export function usccFormatOk(code: string): boolean {
  return FORMAT.test(normaliseUscc(code));
}

const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Whether the embedded organisation code (positions 9-17, GB 11714) has a valid check character.
 * Genuine early pilot codes that fail the position-18 check still pass this one (see github.com/aarioai/id-rule).
 */
export function usccOrgCodeOk(code: string): boolean {
  const c = normaliseUscc(code);
  if (!FORMAT.test(c)) return false;
  const body = c.slice(8, 16);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARSET.indexOf(body[i]!) * ORG_WEIGHTS[i]!;
  const v = 11 - (sum % 11);
  return (v === 10 ? 'X' : v === 11 ? '0' : String(v)) === c[16];
}

/** Upper-case, without spaces or dashes. */
export function normaliseUscc(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether the code is registered by market regulation as an individual business (starts "92"). */
export function usccIndividualBusiness(code: string): boolean {
  return normaliseUscc(code).startsWith('92');
}
