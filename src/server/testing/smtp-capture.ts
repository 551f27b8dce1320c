/**
 * A real SMTP server (smtp-server), in-process, that keeps every message it receives.
 * Mail tests send through it over a socket exactly as production sends to a relay.
 */
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
  /** Parts that are not the plain-text body (a calendar file, say), decoded. */
  attachments: Array<{ contentType: string; filename: string; content: string }>;
}

export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private server!: SMTPServer;
  private waiters: Array<() => void> = [];
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const parts = mimeParts(raw);
          const body = parts.find((p) => p.contentType.startsWith('text/plain') && !p.filename) ?? parts[0]!;
          this.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: header(raw, 'subject'),
            text: body.content,
            raw,
            attachments: parts.filter((p) => p !== body && (p.filename || !p.contentType.startsWith('text/html'))),
          });
          this.waiters.splice(0).forEach((w) => w());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for the next message to `to` (matching subject if given) and returns it. */
  async waitFor(to: string, subject?: RegExp, timeoutMs = 5000): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => m.to.includes(to) && (!subject || subject.test(m.subject)));
      if (found) {
        this.messages.splice(this.messages.indexOf(found), 1);
        return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return m ? m[1]!.replace(/\r?\n[ \t]/g, ' ').trim() : '';
}

interface MimePart {
  contentType: string;
  filename: string;
  content: string;
}

/** The leaf parts of a message (multipart bodies walked), each with its transfer encoding undone. */
function mimeParts(raw: string): MimePart[] {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const contentType = header(head, 'content-type').toLowerCase() || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(header(head, 'content-type'))?.[1];
  if (contentType.startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    return sections.filter((s) => !s.startsWith('--')).flatMap((s) => mimeParts(s.replace(/^\r?\n/, '')));
  }
  const filename = /(?:file)?name="?([^";]+)"?/i.exec(`${header(head, 'content-disposition')};${header(head, 'content-type')}`)?.[1] ?? '';
  return [{ contentType, filename, content: decodeBody(head, body) }];
}

/** A body with quoted-printable or base64 transfer encoding undone. */
function decodeBody(head: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The first URL in a mail body. */
export function firstUrl(text: string): string {
  const m = /https?:\/\/\S+/.exec(text);
  if (!m) throw new Error('no link in mail');
  return m[0];
}
