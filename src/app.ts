import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { toAppError } from './lib/error-mapping.ts';
import { problemBody } from './lib/errors.ts';
import { localeOf, MEMBER_SESSION_COOKIE, requireUser, SESSION_COOKIE } from './lib/http.ts';
import { webDist } from './lib/paths.ts';
import { announcementRoutes } from './modules/announcements/routes.ts';
import { applicationRoutes } from './modules/applications/routes.ts';
import { areaRoutes } from './modules/areas/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { userForToken } from './modules/auth/service.ts';
import { cardRoutes } from './modules/cards/routes.ts';
import { dashboardRoutes } from './modules/dashboard/routes.ts';
import { driveRoutes } from './modules/drives/routes.ts';
import { enterpriseImportRoutes } from './modules/enterprises/import-routes.ts';
import { enterpriseRoutes } from './modules/enterprises/routes.ts';
import { feedbackRoutes } from './modules/feedback/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { memberAuthRoutes } from './modules/member-auth/routes.ts';
import { memberForToken } from './modules/member-auth/session.ts';
import { memberImportRoutes } from './modules/members/import-routes.ts';
import { memberRoutes } from './modules/members/routes.ts';
import { planRoutes } from './modules/plans/routes.ts';
import { qualityRoutes } from './modules/quality/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { surveyRoutes } from './modules/surveys/routes.ts';
import { transferRoutes } from './modules/transfers/routes.ts';
import { unitRoutes } from './modules/units/routes.ts';

/** Builds the HTTP app from the modules; it holds no rules of its own. */
export async function buildApp(config: Config, database: Database) {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
    // One line per request drowns the start-up message; errors are still logged with their request id.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets CSS variables through inline style elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: secureCookies(config) },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  // preHandler, so a limit can key on the parsed body (the user name being tried).
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'congdoan API',
        version: '1',
        description:
          'Quản lý mạng lưới công đoàn và đoàn viên. Lỗi trả về dạng application/problem+json; gửi Accept-Language: en để nhận thông báo tiếng Anh.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.user = await userForToken(database.db, token);
    // Only the member app's paths look at the member cookie: officers' endpoints never see a member.
    const memberToken = req.cookies[MEMBER_SESSION_COOKIE];
    if (memberToken && req.url.startsWith('/api/v1/app/')) req.member = await memberForToken(database.db, memberToken);
  });
  // Every write needs the CSRF token, log-in included (log-in CSRF would bind a victim to our account).
  app.addHook('onRequest', (req, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || !req.url.startsWith('/api/')) return done();
    app.csrfProtection(req, reply, done);
  });
  app.addHook('preHandler', async (req) => {
    // Unknown paths (no route url) fall through to the 404 handler instead.
    const known = req.routeOptions.url !== undefined;
    if (known && req.url.startsWith('/api/v1/') && !req.routeOptions.config?.public) requireUser(req);
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'unhandled error');
    reply
      .code(appError.status)
      .type('application/problem+json')
      .send(problemBody(appError, localeOf(req), req.url));
  });

  await app.register(healthRoutes, { prefix: '/api/v1' });
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(unitRoutes, { prefix: '/api/v1' });
  await app.register(areaRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(memberRoutes, { prefix: '/api/v1' });
  await app.register(memberImportRoutes, { prefix: '/api/v1' });
  await app.register(cardRoutes, { prefix: '/api/v1' });
  await app.register(qualityRoutes, { prefix: '/api/v1' });
  await app.register(applicationRoutes, { prefix: '/api/v1' });
  await app.register(enterpriseRoutes, { prefix: '/api/v1' });
  await app.register(enterpriseImportRoutes, { prefix: '/api/v1' });
  await app.register(transferRoutes, { prefix: '/api/v1' });
  await app.register(driveRoutes, { prefix: '/api/v1' });
  await app.register(planRoutes, { prefix: '/api/v1' });
  await app.register(reportRoutes, { prefix: '/api/v1' });
  await app.register(dashboardRoutes, { prefix: '/api/v1' });
  // The member app: members' endpoints live under /api/v1/app/, officers' next to them.
  await app.register(memberAuthRoutes, { prefix: '/api/v1' });
  await app.register(feedbackRoutes, { prefix: '/api/v1' });
  await app.register(announcementRoutes, { prefix: '/api/v1' });
  await app.register(surveyRoutes, { prefix: '/api/v1' });

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // The build writes .br and .gz next to each script and style: a phone on 4G gets a third of the bytes.
      preCompressed: true,
      setHeaders: (res, file) => {
        // Names under assets/ carry a content hash: they never change, so browsers keep them.
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        // The member app's service worker must be checked on every visit, or an update never arrives.
        else res.setHeader('cache-control', 'no-cache');
      },
    });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes get their app; a missing asset or API path gets a real 404.
    const isPage = !req.url.startsWith('/api/') && !req.url.startsWith('/assets/');
    if (hasWeb && req.method === 'GET' && isPage)
      return reply.sendFile(/^\/app(\/|$|\?)/.test(req.url) ? 'app/index.html' : 'index.html');
    const err = toAppError(Object.assign(new Error('not found'), { statusCode: 404 }) as FastifyError);
    return reply
      .code(404)
      .type('application/problem+json')
      .send(problemBody(err, localeOf(req), req.url));
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

function secureCookies(config: Config) {
  return config.cookieSecure === 'auto' ? config.production : config.cookieSecure;
}
