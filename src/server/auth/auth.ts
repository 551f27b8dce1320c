/**
 * Accounts: better-auth with the Drizzle adapter. Email + password with verification, password
 * reset, sessions, TOTP two-factor with hashed backup codes, database-backed rate limits.
 * Choices are explained in docs/decisions/004-accounts-and-sessions.md.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
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

/**
 * Session limits (docs/decisions/033): a session unused for the idle limit ends, and every session
 * ends at the absolute limit after sign-in, however active. Sensitive actions ask for the password
 * each time instead of relying on a recent sign-in.
 */
export const SESSION_IDLE_DEFAULT = 3 * 24 * 60 * 60; // 3 days unused
export const SESSION_MAX_DEFAULT = 30 * 24 * 60 * 60; // 30 days after sign-in
/** How often an active session's idle deadline moves forward (one write per session per period). */
export function sessionUpdateAge(idleSeconds: number): number {
  return Math.max(60, Math.min(60 * 60, Math.floor(idleSeconds / 4)));
}
/** The paths that change how one signs in: each needs the current password in the request. */
export const PASSWORD_CONFIRMED_PATHS = ['/change-email', '/change-password', '/delete-user', '/two-factor/enable', '/two-factor/disable', '/two-factor/generate-backup-codes', '/two-factor/get-totp-uri'];

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
  /** Seconds a session may go unused (default 3 days) and may last at all (default 30 days). */
  sessionIdleSeconds?: number;
  sessionMaxSeconds?: number;
  /** Runs after an account's rows are deleted (destroys its data key). */
  afterDeleteUser?: (userId: string) => Promise<void>;
}

export function createAuth(opts: AuthOptions) {
  const { mailer, log } = opts;
  const idleSeconds = opts.sessionIdleSeconds ?? SESSION_IDLE_DEFAULT;
  const maxSeconds = opts.sessionMaxSeconds ?? SESSION_MAX_DEFAULT;
  /** A session's expiry never passes its absolute limit, however often it is refreshed. */
  const capExpiry = (expiresAt: unknown, createdAt: unknown): Date | undefined => {
    if (!(expiresAt instanceof Date)) return undefined;
    const created = createdAt instanceof Date ? createdAt : typeof createdAt === 'string' ? new Date(createdAt) : new Date();
    const limit = new Date(created.getTime() + maxSeconds * 1000);
    return expiresAt > limit ? limit : expiresAt;
  };
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
    databaseHooks: {
      session: {
        create: {
          before: async (session) => ({ data: { ...session, expiresAt: capExpiry(session.expiresAt, session.createdAt) ?? session.expiresAt } }),
        },
        update: {
          // better-auth's sliding refresh moves expiresAt forward; the session being refreshed is
          // on the endpoint context (get-session sets it before updating).
          before: async (data, ctx) => {
            const current = (ctx?.context as { session?: { session?: { createdAt?: unknown } } } | undefined)?.session?.session;
            if (!('expiresAt' in data) || !current) return { data };
            return { data: { ...data, expiresAt: capExpiry(data.expiresAt, current.createdAt) ?? data.expiresAt } };
          },
        },
      },
    },
    user: {
      // A new address is confirmed by a link sent to it; until then the old one stays.
      changeEmail: { enabled: true },
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
      expiresIn: idleSeconds,
      updateAge: sessionUpdateAge(idleSeconds),
      // Not "signed in within N minutes": every sensitive action asks for the password instead
      // (PASSWORD_CONFIRMED_PATHS), and the sessions list works however old the session is.
      freshAge: 0,
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
        '/change-email': { window: 60, max: 5 },
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
        if (ctx.path === '/change-email') {
          // better-auth changes the address on a session alone; we ask for the password as well.
          if (typeof body.currentPassword !== 'string' || body.currentPassword.length === 0) {
            throw new APIError('BAD_REQUEST', { code: 'PASSWORD_REQUIRED', message: 'Please enter your current password to change your email address.' });
          }
          const session = await getSessionFromCtx(ctx);
          if (!session) throw new APIError('UNAUTHORIZED', { code: 'UNAUTHORIZED', message: 'Please sign in again.' });
          const account = await ctx.context.internalAdapter.findCredentialAccount(session.user.id);
          const ok =
            !!account?.password && body.currentPassword.length <= PASSWORD_MAX && (await ctx.context.password.verify({ hash: account.password, password: body.currentPassword }));
          if (!ok) throw new APIError('BAD_REQUEST', { code: 'INVALID_PASSWORD', message: 'That password is not right.' });
          const { currentPassword: _checked, ...rest } = body;
          return { context: { body: { ...rest, callbackURL: rest.callbackURL ?? '/verified' } } };
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
      after: createAuthMiddleware(async (ctx) => {
        // Signing in again in a browser that already had a session replaces it: the old token ends
        // with the new one's arrival (ASVS V7.2.4), so a copied cookie from before is worthless.
        if (ctx.path !== '/sign-in/email' && ctx.path !== '/two-factor/verify-totp' && ctx.path !== '/two-factor/verify-backup-code') return;
        const fresh = ctx.context.newSession?.session.token;
        if (!fresh) return;
        const previous = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
        if (previous && previous !== fresh) await ctx.context.internalAdapter.deleteSession(previous);
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
