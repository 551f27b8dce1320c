import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;
function list(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/**
 * True when a password is one of ~49,000 commonly used passwords (the zxcvbn-ts list), or one of
 * them with digits and symbols added before or after ("password2024!"), or too repetitive to be
 * secret ("aaaaaaaaaaaa", "abcabcabcabc"). No composition rules: length and rarity are what count.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const words = list();
  if (words.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+/, '').replace(/[\d\W_]+$/, '');
  if (core.length >= 4 && words.has(core)) return true;
  if (core.length === 0) return isRepetitiveDigits(lower) || new Set(lower).size <= 3;
  return new Set(lower).size <= 3;
}

function isRepetitiveDigits(s: string): boolean {
  const digits = s.replace(/\D/g, '');
  if (digits.length < s.length * 0.8) return false;
  // Ascending or descending runs like 123456789012 or 987654321098.
  let asc = 0;
  let desc = 0;
  for (let i = 1; i < digits.length; i++) {
    const d = (Number(digits[i]) - Number(digits[i - 1]) + 10) % 10;
    if (d === 1) asc++;
    if (d === 9) desc++;
  }
  return asc >= digits.length - 2 || desc >= digits.length - 2;
}
