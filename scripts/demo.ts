/**
 * npm run demo — a demo person with 18 months of history in the embedded database (or in
 * DATABASE_URL's), so a newcomer sees living charts within a minute, and a demo practice (Willow
 * Street Counselling) with two therapists and a booked consultation. Stop `npm start` first: the
 * embedded database can be open in one process only. Running it again makes a fresh demo person
 * and a fresh demo practice.
 */
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { DataDirLockedError } from '../src/server/db/data-dir-lock.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/server/context.ts';
import { DEMO_EXTRAS } from '../src/server/demo/extras.ts';
import { demoPeople, seedDemo } from '../src/server/demo/seed.ts';
import { seedDemoPractice } from '../src/server/demo/practice.ts';
import { DEMO_PARTNER } from '../src/server/demo/couple.ts';

async function main() {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  if (config.isProduction) throw new Error('The demo person is for trying Trellis out; it is not created when NODE_ENV=production.');
  const database = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: 2 })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    await database.migrate();
    const ctx = createContext(config, database);
    const outbox = ctx.mailer.outbox;
    if (!outbox) throw new Error('The demo reads its verification mail from the development outbox: run it without SMTP_URL.');
    const app = await buildApp(ctx);
    await app.ready();
    const started = Date.now();
    const verificationLink = async (email: string, after: Date) => {
      for (let i = 0; i < 100; i++) {
        const mail = outbox.list().find((m) => m.to === email && Date.parse(m.date) >= after.getTime() - 1000);
        const link = mail && /https?:\/\/\S+/.exec(mail.text)?.[0];
        if (link) return link;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('The verification mail for the demo person did not arrive.');
    };
    const result = await seedDemo(app, { baseUrl: config.baseUrl, extras: DEMO_EXTRAS, ctx, verificationLink });
    const practice = await seedDemoPractice(app, { baseUrl: config.baseUrl, ctx, person: demoPeople(app, { baseUrl: config.baseUrl, verificationLink }) });
    await app.close();
    ctx.mailer.close();
    const { counts } = result;
    process.stdout.write(
      [
        `Demo person ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.entries} journal entries, ${counts.urges} urges, ${counts.selfWorth} self-worth items over 18 months.`,
        '',
        `  npm start, then open ${config.baseUrl}/sign-in`,
        `  email:    ${result.email}`,
        `  password: ${result.password}`,
        `  partner:  ${DEMO_PARTNER.email} (same password) — linked with the demo person, with ten weeks of check-ins, two commitments, an agreement and boundaries`,
        '',
        `Demo practice: ${practice.name}, booking page ${config.baseUrl}/p/${practice.slug}`,
        `  Every practice account has two-factor on. Password for each: ${practice.password}`,
        '  At the two-factor step, type the code an authenticator app shows for the secret below, or the one-time backup code.',
        `  owner:     ${practice.owner.email}  secret ${practice.owner.secret}  backup code ${practice.owner.backupCode}`,
        ...practice.therapists.map((t) => `  therapist: ${t.email}  (${t.displayName}, licensed in ${t.states.join(' and ')}, ${t.timeZone})  secret ${t.secret}  backup code ${t.backupCode}`),
        `  booked:    a consultation with ${practice.consultation.therapistName} on ${practice.consultation.label}, from a couple in Texas (accepted)`,
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof DataDirLockedError;
  process.stderr.write(`${known ? '' : 'The demo could not be created: '}${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
