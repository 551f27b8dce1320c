/**
 * /dev/mail — the development outbox, so a newcomer can finish sign-up with no mail server.
 * Registered only outside production and only when SMTP_URL is unset.
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Outbox } from './mailer.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const linkify = (s: string) => esc(s).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Trellis dev outbox</title></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;

export function devMailRoutes(app: FastifyInstance, outbox: Outbox) {
  app.get('/dev/mail', { schema: { hide: true } }, async (_request, reply) => {
    const items = outbox.list();
    const list = items.length
      ? `<ol>${items.map((m) => `<li><a href="/dev/mail/${m.id}">${esc(m.subject)}</a> — to ${esc(m.to)} — <time datetime="${m.date}">${esc(m.date)}</time></li>`).join('')}</ol>`
      : '<p>No messages yet.</p>';
    return reply.type('text/html; charset=utf-8').send(page('Outbox', `<p>Messages Trellis would have emailed. Newest first.</p>${list}`));
  });
  app.get<{ Params: { id: string } }>('/dev/mail/:id', { schema: { hide: true } }, async (request, reply) => {
    const m = outbox.get(request.params.id);
    if (!m) return reply.code(404).type('text/html; charset=utf-8').send(page('Not found', '<p><a href="/dev/mail">Back to the outbox</a></p>'));
    return reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          m.subject,
          `<p>To ${esc(m.to)} · <time datetime="${m.date}">${esc(m.date)}</time> · <a href="/dev/mail/${m.id}/raw">raw .eml</a> · <a href="/dev/mail">outbox</a></p><pre>${linkify(m.text)}</pre>`,
        ),
      );
  });
  app.get<{ Params: { id: string } }>('/dev/mail/:id/raw', { schema: { hide: true } }, async (request, reply) => {
    const file = outbox.emlPath(request.params.id);
    if (!file) return reply.code(404).send();
    return reply.type('message/rfc822').send(fs.readFileSync(file));
  });
}
