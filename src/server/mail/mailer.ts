import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { v7 as uuidv7 } from 'uuid';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with the message (a calendar invitation). */
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Only for the file outbox (development): the messages written, newest first. */
  outbox?: Outbox;
  close(): void;
}

/**
 * SMTP when SMTP_URL is set; otherwise every message is written to `<dataDir>/mail` as an .eml
 * file (plus a small .json index), so sign-up works with no mail server at all.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(opts.smtpUrl);
    return {
      send: async (m) => {
        await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html, attachments: m.attachments });
      },
      close: () => transport.close(),
    };
  }
  const outbox = new Outbox(path.join(opts.dataDir, 'mail'));
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    outbox,
    send: async (m) => {
      const info = await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html, attachments: m.attachments });
      outbox.write(info.message as Buffer, { to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}

export class Outbox {
  constructor(readonly dir: string) {}

  write(eml: Buffer, meta: { to: string; subject: string; text: string }): OutboxEntry {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = uuidv7();
    const entry: OutboxEntry = { id, date: new Date().toISOString(), ...meta };
    fs.writeFileSync(path.join(this.dir, `${id}.eml`), eml, { mode: 0o600 });
    fs.writeFileSync(path.join(this.dir, `${id}.json`), JSON.stringify(entry), { mode: 0o600 });
    return entry;
  }

  list(): OutboxEntry[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse()
      .map((f) => JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')) as OutboxEntry);
  }

  get(id: string): OutboxEntry | undefined {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const file = path.join(this.dir, `${id}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as OutboxEntry) : undefined;
  }

  emlPath(id: string): string | undefined {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const file = path.join(this.dir, `${id}.eml`);
    return fs.existsSync(file) ? file : undefined;
  }
}
