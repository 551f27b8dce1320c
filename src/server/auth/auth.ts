/**
 * Accounts: better-auth with the Drizzle adapter. Email + password with verification, password
 * reset, sessions, TOTP two-factor with hashed backup codes, database-backed rate limits.
 * Choices are explained in docs/decisions/004-accounts-and-sessions.md.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins';
import { v7 as uuidv7 } from 'uuid';
import type { Logger } from 'pino';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/schemas/auth.ts';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailTemplates } from '../mail/templates.ts';
import { isCommonPassword } from './common-passwords.ts';
import { backupCodeHasher } from './backup-codes.ts';

export const SESSION_EXPIRES_IN = 7 * 24 * 60 * 60; // 7 days, sliding
export const SESSION_UPDATE_AGE = 24 * 60 * 60; // extend at most once a day
export const SESSION_FRESH_AGE = 10 * 60; // sensitive actions need a sign-in within 10 minutes

/** The header the HTTP layer sets from the socket (or trusted proxy) address; clients cannot set it. */
export const CLIENT_IP_HEADER = 'x-trellis-client-ip';

export interface AuthOptions {
  db: Db;
  baseUrl: string;
  secret: string;
  backupCodeKey: Buffer;
  mailer: Mailer;
  log: Logger;
  secureCookies: boolean;
  rateLimit: boolean;
  trustedOrigins?: string[];
  /** Runs before an account is deleted (ends its couple). */
  beforeDeleteUser?: (userId: string) => Promise<void>;
  /** Runs after an account's rows are deleted (destroys its data key). */
  afterDeleteUser?: (userId: string) => Promise<void>;
}

export function createAuth(opts: AuthOptions) {
  const { mailer, log } = opts;
  const hasher = backupCodeHasher(opts.backupCodeKey);

  /** Mail goes out without delaying the response, so timing does not reveal whether an account exists. */
  const sendInBackground = (kind: string, message: Parameters<Mailer['send']>[0]) => {
    mailer.send(message).catch((err: unknown) => log.error({ kind, err: errorName(err) }, 'mail not sent'));
  };

  return betterAuth({
    appName: 'Trellis',
    baseURL: opts.baseUrl,
    basePath: '/api/auth',
    secret: opts.secret,
    trustedOrigins: opts.trustedOrigins ?? [opts.baseUrl],
    telemetry: { enabled: false },
    logger: {
      // better-auth's own logger can print request details; route only the level and message.
      log: (level, message) => {
        if (level === 'error') log.error({ source: 'auth' }, String(message).slice(0, 200));
        else if (level === 'warn') log.warn({ source: 'auth' }, String(message).slice(0, 200));
      },
    },
    database: drizzleAdapter(opts.db, { provider: 'pg', schema }),
    advanced: {
      // joins: one query for a session and its user on every authenticated request.
      database: { generateId: () => uuidv7(), joins: true },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: opts.secureCookies,
      cookiePrefix: 'trellis',
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => sendInBackground('reset-password', mailTemplates.resetPassword(user.email, url)),
      onExistingUserSignUp: async ({ user }) =>
        sendInBackground('existing-account', mailTemplates.existingAccountSignUp(user.email, `${opts.baseUrl}/sign-in`)),
      onPasswordReset: async ({ user }) => sendInBackground('password-changed', mailTemplates.passwordChanged(user.email)),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      expiresIn: 60 * 60,
      sendVerificationEmail: async ({ user, url }) => sendInBackground('verify-email', mailTemplates.verifyEmail(user.email, url)),
    },
    user: {
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          await opts.beforeDeleteUser?.(user.id);
        },
        afterDelete: async (user) => {
          await opts.afterDeleteUser?.(user.id);
        },
      },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN,
      updateAge: SESSION_UPDATE_AGE,
      freshAge: SESSION_FRESH_AGE,
      // No cookie cache: a revoked session ("sign out everywhere", emergency reset) must stop
      // working on the very next request, on every server instance.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: opts.rateLimit,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        // Every page load asks who is signed in. Counting that per address would sign out a whole
        // household, clinic or campus sharing one address after 100 page loads a minute; it guards
        // nothing, since a session token cannot be guessed and /api/v1 reads the session anyway.
        '/get-session': false,
        '/sign-in/email': { window: 60, max: 5 },
        '/sign-up/email': { window: 60, max: 5 },
        '/two-factor/verify-totp': { window: 60, max: 5 },
        '/two-factor/verify-backup-code': { window: 60, max: 5 },
        '/two-factor/verify-otp': { window: 60, max: 5 },
        '/request-password-reset': { window: 60, max: 3 },
        '/send-verification-email': { window: 60, max: 3 },
        '/change-password': { window: 60, max: 5 },
        '/delete-user': { window: 60, max: 5 },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        const candidate =
          ctx.path === '/sign-up/email' ? body.password : ctx.path === '/change-password' || ctx.path === '/reset-password' ? body.newPassword : undefined;
        if (typeof candidate === 'string' && candidate.length >= PASSWORD_MIN && candidate.length <= PASSWORD_MAX && isCommonPassword(candidate)) {
          throw new APIError('BAD_REQUEST', {
            code: 'PASSWORD_TOO_COMMON',
            message: 'This password is too common to keep an account safe. A few unrelated words work well.',
          });
        }
        if (ctx.path === '/delete-user' && typeof body.password !== 'string') {
          throw new APIError('BAD_REQUEST', { code: 'PASSWORD_REQUIRED', message: 'Please enter your password to delete your account.' });
        }
        if (ctx.path === '/two-factor/verify-backup-code' && typeof body.code === 'string') {
          return { context: { body: { ...body, code: hasher.hashSubmitted(body.code) } } };
        }
        // The verification link lands on our "email confirmed" page unless the client asked otherwise.
        if ((ctx.path === '/sign-up/email' || ctx.path === '/send-verification-email') && body.callbackURL === undefined) {
          return { context: { body: { ...body, callbackURL: '/verified' } } };
        }
        return undefined;
      }),
    },
    plugins: [
      twoFactor({
        issuer: 'Trellis',
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: { encrypt: hasher.encrypt, decrypt: hasher.decrypt } },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : 'unknown';
}
