/**
 * Everything a running Trellis needs, wired once: database, keys, mail, accounts, policy and
 * services. main.ts builds it from the configuration; tests build it around a test database.
 */
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import type { Database } from './db/client.ts';
import { DataKeys } from './crypto/data-keys.ts';
import { databaseKeyStore, directoryKeyStore } from './crypto/key-store.ts';
import { deriveKey, loadServerKey, type ServerKey } from './crypto/server-key.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { Policy, databaseRelations } from './policy/index.ts';
import { ProfileService } from './features/profile/service.ts';
import { JournalService } from './features/journal/service.ts';
import { OriginsService } from './features/origins/service.ts';
import { UrgeService } from './features/urges/service.ts';
import { SelfWorthService } from './features/self-worth/service.ts';
import { InsightsService } from './features/insights/service.ts';
import { AssessmentService } from './features/assessments/service.ts';
import { GuidanceService } from './features/guidance/service.ts';
import { CoachService } from './features/coach/service.ts';
import { CheckinService } from './features/checkins/service.ts';
import { CoupleService } from './features/couple/service.ts';
import { CareService } from './features/care/service.ts';
import { CareSharingService } from './features/care-sharing/service.ts';
import { CommitmentsService } from './features/commitments/service.ts';
import { AgreementsService } from './features/agreements/service.ts';
import { BoundariesService } from './features/boundaries/service.ts';
import { ActivitiesService } from './features/activities/service.ts';
import { RepairsService } from './features/repairs/service.ts';
import { CycleService } from './features/cycle/service.ts';
import { ConversationsService } from './features/conversations/service.ts';
import { ApologiesService } from './features/conversations/apologies.ts';
import { EventHub } from './realtime/hub.ts';
import { relationsRepo } from './policy/relations-repo.ts';
import { NotificationsService } from './notifications/service.ts';
import { ExportService } from './features/export/service.ts';
import { SafetyService } from './features/safety/service.ts';

export interface AppContext {
  config: Config;
  database: Database;
  serverKey: ServerKey;
  dataKeys: DataKeys;
  mailer: Mailer;
  auth: Auth;
  policy: Policy;
  log: Logger;
  /** Live updates across instances (docs/decisions/017). */
  realtime: EventHub;
  services: { profile: ProfileService; journal: JournalService; origins: OriginsService; urges: UrgeService; selfWorth: SelfWorthService; insights: InsightsService; assessments: AssessmentService; guidance: GuidanceService; coach: CoachService; checkins: CheckinService; couple: CoupleService; commitments: CommitmentsService; agreements: AgreementsService; boundaries: BoundariesService; activities: ActivitiesService; repairs: RepairsService; cycle: CycleService; conversations: ConversationsService; apologies: ApologiesService; notifications: NotificationsService; care: CareService; careSharing: CareSharingService; safety: SafetyService; export: ExportService };
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
  const policy = new Policy(databaseRelations(db));
  const auth = createAuth({
    db,
    baseUrl: config.baseUrl,
    secret: config.AUTH_SECRET ?? deriveKey(serverKey, 'auth-secret').toString('base64'),
    backupCodeKey: deriveKey(serverKey, 'backup-codes'),
    mailer,
    log,
    secureCookies: config.baseUrl.startsWith('https://'),
    rateLimit: config.RATE_LIMIT,
    sessionIdleSeconds: config.SESSION_IDLE_HOURS * 60 * 60,
    sessionMaxSeconds: config.SESSION_MAX_DAYS * 24 * 60 * 60,
    // A deleted account's couple ends first, so the partner is free to link again (docs/decisions/013);
    // then what the cascade cannot reach goes too (docs/decisions/030).
    beforeDeleteUser: async (userId) => {
      await couple.endEverythingFor(userId);
      await exportService.deleteLeftovers(userId);
    },
    // The rows are gone; now the data key, wherever it is kept (docs/decisions/035).
    afterDeleteUser: async (userId) => {
      await dataKeys.shredKey(userId);
    },
  });
  const dataKeys = new DataKeys(db, serverKey, config.keyStoreDir ? directoryKeyStore(config.keyStoreDir) : databaseKeyStore());
  const exportService = new ExportService(db, policy, dataKeys);
  const profile = new ProfileService(db, policy);
  const journal = new JournalService(db, policy, dataKeys);
  const assessments = new AssessmentService(db, policy);
  const realtime = new EventHub(database, {
    // The couple's current members, from the facts the policy decides with.
    currentMembers: async (coupleId, tx) =>
      (await relationsRepo.members(tx ?? db, coupleId)).filter((m) => m.leftAt === null && m.unlinkedAt === null).map((m) => m.userId),
    log,
  });
  const couple = new CoupleService(db, policy, dataKeys, profile, config.baseUrl, realtime);
  const commitments = new CommitmentsService(db, policy, dataKeys, profile, Date.now, realtime);
  const agreements = new AgreementsService(db, policy, dataKeys, profile, realtime);
  const checkins = new CheckinService(db, policy, dataKeys, profile, Date.now, realtime);
  const notifications = new NotificationsService(db, policy, serverKey, mailer, checkins, {
    baseUrl: config.baseUrl,
    mailFrom: config.MAIL_FROM,
    vapid: { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject: config.VAPID_SUBJECT },
  });
  // A reminder is due at the person's chosen time in their own zone, so a new zone moves it.
  profile.onTimeZoneChange((userId) => notifications.rescheduleFor(userId));
  const careSharing = new CareSharingService({ db, policy, serverKey, dataKeys, mailer, baseUrl: config.baseUrl, log });
  return {
    config,
    database,
    serverKey,
    dataKeys,
    mailer,
    auth,
    policy,
    log,
    realtime,
    services: {
      profile,
      journal,
      origins: new OriginsService(db, policy, dataKeys),
      urges: new UrgeService(db, policy, dataKeys),
      selfWorth: new SelfWorthService(db, policy, dataKeys),
      insights: new InsightsService(policy, journal, profile),
      assessments,
      checkins,
      notifications,
      commitments,
      agreements,
      boundaries: new BoundariesService(db, policy, dataKeys, realtime),
      activities: new ActivitiesService(db, policy, dataKeys, realtime),
      repairs: new RepairsService(db, policy, dataKeys, profile, realtime),
      cycle: new CycleService(db, policy, dataKeys, realtime),
      conversations: new ConversationsService(db, policy, dataKeys, agreements, commitments, Date.now, realtime),
      apologies: new ApologiesService(db, policy, dataKeys, commitments, Date.now, realtime),
      coach: new CoachService(policy),
      guidance: new GuidanceService(policy, journal, assessments, { directoryUrl: config.THERAPIST_DIRECTORY_URL, bookingUrl: null }, couple),
      couple,
      care: new CareService({ db, policy, serverKey, mailer, baseUrl: config.baseUrl, log }),
      careSharing,
      export: exportService,
      // The emergency reset, through each feature's own service (docs/decisions/029).
      safety: new SafetyService({ policy, couple, careSharing, notifications, log }),
    },
  };
}
