/**
 * A stand-in push service for the browser suite: subscriptions registered with its address get
 * their pushes here, and it decrypts them (RFC 8291, aes128gcm) with the keys it handed out, so the
 * leak scan reads exactly what a phone would show. Push services speak HTTPS (web-push insists), so
 * it has a self-signed certificate for 127.0.0.1 made with openssl; the server under test trusts it
 * through NODE_EXTRA_CA_CERTS (`caFile`).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ece = require('http_ece') as { decrypt(buffer: Buffer, params: Record<string, unknown>): Buffer };

export interface CapturedPush {
  subscription: string;
  payload: string;
}

export class PushCapture {
  readonly pushes: CapturedPush[] = [];
  private readonly keys = new Map<string, { ecdh: crypto.ECDH; authSecret: Buffer }>();
  private server?: https.Server;
  private control?: http.Server;
  /** Where pushes are sent (HTTPS). */
  pushUrl = '';
  /** Plain HTTP for the tests: POST /subscribe, GET /captured. */
  url = '';
  /** The certificate, for NODE_EXTRA_CA_CERTS of the process that sends pushes. */
  caFile = '';
  private dir = '';

  async start(): Promise<this> {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-push-capture-'));
    const key = path.join(this.dir, 'key.pem');
    this.caFile = path.join(this.dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', this.caFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    this.server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(this.caFile) }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.pushUrl = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.control = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.control!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.control.address() as AddressInfo).port}`;
    return this;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://capture');
    // A subscription to register: POST /subscribe answers the endpoint and public keys.
    if (req.method === 'POST' && url.pathname === '/subscribe') {
      const id = crypto.randomUUID();
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = crypto.randomBytes(16);
      this.keys.set(id, { ecdh, authSecret });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ endpoint: `${this.pushUrl}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') } }));
      return;
    }
    // What arrived so far, for a test waiting for its push.
    if (req.method === 'GET' && url.pathname === '/captured') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(this.pushes));
      return;
    }
    const match = /^\/push\/([0-9a-f-]{36})$/.exec(url.pathname);
    const keys = match && this.keys.get(match[1]!);
    if (req.method === 'POST' && keys) {
      const payload = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: keys.ecdh, authSecret: keys.authSecret.toString('base64url') }).toString('utf8');
      this.pushes.push({ subscription: match[1]!, payload });
      res.statusCode = 201;
      res.end();
      return;
    }
    res.statusCode = 404;
    res.end();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.control ? this.control.close(() => resolve()) : resolve()));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
