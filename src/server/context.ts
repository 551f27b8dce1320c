/**
 * Everything a running Trellis needs, wired once: database, keys, mail, accounts, policy and
 * services. main.ts builds it from the configuration; tests build it around a test database.
 */
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import type { Database } from './db/client.ts';
import { DataKeys } from './crypto/data-keys.ts';
import { deriveKey, loadServerKey, type ServerKey } from './crypto/server-key.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { Policy } from './policy/index.ts';
import { ProfileService } from './features/profile/service.ts';

export interface AppContext {
  config: Config;
  database: Database;
  serverKey: ServerKey;
  dataKeys: DataKeys;
  mailer: Mailer;
  auth: Auth;
  policy: Policy;
  log: Logger;
  services: { profile: ProfileService };
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    // Users' words never reach a log line: bodies are never logged, and these are removed if
    // anything ever tries to.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'body', 'req.body', '*.password', '*.email', '*.text', '*.name'],
      remove: true,
    },
  });
}

export function createContext(
  config: Config,
  database: Database,
  overrides: { mailer?: Mailer; log?: Logger; serverKey?: ServerKey } = {},
): AppContext {
  const log = overrides.log ?? createLogger(config);
  const serverKey =
    overrides.serverKey ??
    loadServerKey({ envKey: config.TRELLIS_SECRET_KEY, dataDir: config.dataDir, allowKeyFile: !config.isProduction || !config.DATABASE_URL });
  const mailer = overrides.mailer ?? createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, dataDir: config.dataDir });
  const db = database.db;
  const policy = new Policy();
  const auth = createAuth({
    db,
    baseUrl: config.baseUrl,
    secret: config.AUTH_SECRET ?? deriveKey(serverKey, 'auth-secret').toString('base64'),
    backupCodeKey: deriveKey(serverKey, 'backup-codes'),
    mailer,
    log,
    secureCookies: config.baseUrl.startsWith('https://'),
    rateLimit: config.RATE_LIMIT,
  });
  return {
    config,
    database,
    serverKey,
    dataKeys: new DataKeys(db, serverKey),
    mailer,
    auth,
    policy,
    log,
    services: { profile: new ProfileService(db, policy) },
  };
}
