import { z } from 'zod';

/** NIST SP 800-63B style: length is what matters; no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Please use at least ${PASSWORD_MIN} characters. A few unrelated words work well.`)
  .max(PASSWORD_MAX, `Please use ${PASSWORD_MAX} characters or fewer.`);

export const emailSchema = z.string().trim().toLowerCase().email('Please enter an email address like name@example.com.').max(254);
