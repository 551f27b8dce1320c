/**
 * Builds the Fastify app around a context. main.ts listens with it; tests call app.inject().
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createPageHtml } from './http/page-html.ts';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from './context.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { createSessionResolver } from './auth/session.ts';
import { HttpProblem, problemSchema, sendProblem, toProblem, PROBLEM_CONTENT_TYPE, problemType, validationProblem } from './http/problem.ts';
import { CSP, registerCsrfCheck, registerSecurityHeaders } from './http/security.ts';
import { jsonNestingExceeds, MAX_JSON_DEPTH, nulPath } from './http/json-guards.ts';
import { createIdempotencySealer } from './http/idempotency.ts';
import { devMailRoutes } from './mail/dev-routes.ts';
import type { Actor } from './policy/actor.ts';
import { profileRoutes } from './features/profile/routes.ts';
import { journalRoutes } from './features/journal/routes.ts';
import { originsRoutes } from './features/origins/routes.ts';
import { urgeRoutes } from './features/urges/routes.ts';
import { selfWorthRoutes } from './features/self-worth/routes.ts';
import { insightsRoutes } from './features/insights/routes.ts';
import { assessmentRoutes } from './features/assessments/routes.ts';
import { guidanceRoutes } from './features/guidance/routes.ts';
import { coachRoutes } from './features/coach/routes.ts';
import { checkinRoutes } from './features/checkins/routes.ts';
import { coupleRoutes } from './features/couple/routes.ts';
import { careRoutes } from './features/care/routes.ts';
import { careSharingRoutes } from './features/care-sharing/routes.ts';
import { exportRoutes } from './features/export/routes.ts';
import { safetyRoutes } from './features/safety/routes.ts';
import { commitmentRoutes } from './features/commitments/routes.ts';
import { agreementRoutes } from './features/agreements/routes.ts';
import { cycleRoutes } from './features/cycle/routes.ts';
import { conversationRoutes } from './features/conversations/routes.ts';
import { boundaryRoutes } from './features/boundaries/routes.ts';
import { activityRoutes } from './features/activities/routes.ts';
import { repairRoutes } from './features/repairs/routes.ts';
import { eventRoutes } from './realtime/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';

export type { AppContext } from './context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    // Fastify's own request lines include the URL (which can hold tokens); we log our own below.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => uuidv7(),
    bodyLimit: config.BODY_LIMIT,
    // Trust X-Forwarded-For only from the configured number of proxy hops.
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS : false,
    // Idle keep-alive sockets close at shutdown; requests in flight finish first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Errors Fastify meets before routing (a URL whose percent-encoding cannot be decoded, such as
    // "%E0%A4%A") would otherwise be its own JSON shape, quoting the URL: answer them as problems.
    frameworkErrors: (err, request, reply) => {
      // Answered before any hook runs: give it the headers registerSecurityHeaders gives the rest.
      reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
      const code = (err as { code?: string }).code;
      if (code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return sendProblem(reply, new HttpProblem(400, 'bad-url', 'The address of this request could not be read.', [{ path: 'url', message: 'Not a valid URL' }]).toProblem());
      }
      return sendProblem(reply, toProblem(err, request));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // One line per request: method, route pattern (never the URL: it can hold tokens), status, time.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? '(unmatched)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.decorate('idempotencySealer', createIdempotencySealer(ctx.dataKeys, ctx.serverKey));
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'anonymous' };
  });
  const resolveActor = createSessionResolver(ctx.auth, ctx.database.db);
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/api/v1/')) request.actor = await resolveActor(request);
  });

  // JSON is the only body the API takes; anything else is a 415 problem (see toProblem).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/*+json'], { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(null, undefined);
    if (jsonNestingExceeds(text)) {
      return done(new HttpProblem(400, 'malformed-json', 'The request body nests too deeply.', [{ path: '(body)', message: `Nested more than ${MAX_JSON_DEPTH} levels deep` }]), undefined);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return done(new HttpProblem(400, 'malformed-json', 'The request body is not valid JSON.', [{ path: '(body)', message: 'Not valid JSON' }]), undefined);
    }
    // PostgreSQL text cannot hold U+0000: refuse it here, naming the field, rather than fail in the database.
    const nul = nulPath(text, parsed);
    if (nul) return done(validationProblem([{ path: nul, message: 'Contains a NUL character (U+0000), which is not accepted.' }]), undefined);
    done(null, parsed);
  });

  app.setErrorHandler((err, request, reply) => {
    const problem = toProblem(err instanceof Error ? err : new Error('non-error thrown'), request);
    return sendProblem(reply, problem);
  });

  registerSecurityHeaders(app, { hsts: config.baseUrl.startsWith('https://') });
  registerCsrfCheck(app, { trustedOrigins: [config.baseUrl] });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trellis API',
        version: '1',
        description:
          'The JSON API of Trellis. Errors are RFC 9457 problem details. Authentication endpoints live under /api/auth (better-auth). Creating POSTs accept an Idempotency-Key header.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'trellis.session_token' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets style attributes at run time; allow that on the reference page only (no
    // personal data is ever shown there). Scripts stay limited to its own hashed files.
    transformStaticCSP: (header) => header.replace(/style-src ([^;]*)/, "style-src $1 'unsafe-inline'").replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    uiConfig: { docExpansion: 'list' },
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  r.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  r.get(
    '/readyz',
    { schema: { tags: ['operations'], summary: 'Readiness: the database answers', response: { 200: z.object({ status: z.literal('ready') }), 503: problemSchema } } },
    async () => {
      try {
        await ctx.database.ping();
      } catch {
        throw new HttpProblem(503, 'not-ready', 'The database is not answering yet.');
      }
      return { status: 'ready' as const };
    },
  );

  r.get(
    '/api/v1/client-config',
    {
      schema: {
        tags: ['meta'],
        summary: 'Settings the web client needs before sign-in',
        security: [],
        response: { 200: z.object({ quickExitUrl: z.string(), crisisRegion: z.string() }) },
      },
    },
    async () => ({ quickExitUrl: config.QUICK_EXIT_URL, crisisRegion: config.CRISIS_REGION }),
  );

  // Browsers ask for /favicon.ico on pages without an icon link (the dev outbox, the API docs).
  r.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) => reply.redirect('/favicon.svg', 301));

  registerAuthRoutes(app, ctx.auth, config.baseUrl);
  profileRoutes(app, ctx);
  journalRoutes(app, ctx);
  originsRoutes(app, ctx);
  urgeRoutes(app, ctx);
  selfWorthRoutes(app, ctx);
  insightsRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  guidanceRoutes(app, ctx);
  coachRoutes(app, ctx);
  checkinRoutes(app, ctx);
  coupleRoutes(app, ctx);
  commitmentRoutes(app, ctx);
  notificationRoutes(app, ctx);
  agreementRoutes(app, ctx);
  boundaryRoutes(app, ctx);
  activityRoutes(app, ctx);
  repairRoutes(app, ctx);
  cycleRoutes(app, ctx);
  conversationRoutes(app, ctx);
  careRoutes(app, ctx);
  careSharingRoutes(app, ctx);
  exportRoutes(app, ctx);
  safetyRoutes(app, ctx);
  eventRoutes(app, ctx);
  // The listening connection of live updates closes with the app (streams already ended in preClose).
  app.addHook('onClose', async () => ctx.realtime.close());
  if (!config.isProduction && ctx.mailer.outbox) devMailRoutes(app, ctx.mailer.outbox);

  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  const pageHtml = hasWeb ? createPageHtml(webRoot) : undefined;
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies of its text files (vite.config.ts): sent to browsers that accept them.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const accept = request.headers.accept ?? '';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && accept.includes('text/html');
    if (isPage && hasWeb) {
      // Client-side routes: the single-page app decides what to show.
      // index.html with preload links for this route's code (and its session check), docs/decisions/042.
      const hasSessionCookie = (request.headers.cookie ?? '').includes('session_token=');
      return reply.header('cache-control', 'no-cache').header('vary', 'cookie').type('text/html; charset=utf-8').send(pageHtml!(request.url.split('?')[0]!, hasSessionCookie));
    }
    if (isPage) {
      return reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="en"><title>Trellis</title><main><h1>Trellis</h1><p>The web app is not built yet. Run <code>npm start</code>, which builds it first.</p></main></html>');
    }
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send({
      type: problemType('not-found'),
      title: 'Not found',
      status: 404,
      detail: `There is no ${request.method} ${request.url.split('?')[0]} here.`,
    });
  });

  return app;
}
