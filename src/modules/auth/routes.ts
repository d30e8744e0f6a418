import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, noContent, requireUser, SESSION_COOKIE } from '../../lib/http.ts';
import { problemSchema } from '../../lib/schemas.ts';
import { csrfSchema, loginBody, meSchema, updateMeBody } from './schema.ts';
import * as service from './service.ts';

const toMe = ({ scope: _scope, ...me }: service.SessionUser) => me;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const secure = app.config.cookieSecure === 'auto' ? app.config.production : app.config.cookieSecure;

  app.get(
    '/auth/csrf',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'A CSRF token for the next writes', response: { 200: csrfSchema } },
    },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        // Per address and user name, so guessing one account's password is slow.
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { username?: string })?.username ?? '').toLowerCase()}`,
        },
      },
      schema: { tags: ['auth'], summary: 'Log in', body: loginBody, response: { 200: meSchema, 401: problemSchema } },
    },
    async (req, reply) => {
      const user = await service.authenticate(db, req.body.username, req.body.password);
      const { token, expiresAt } = await service.startSession(db, user.id, app.config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: expiresAt,
      });
      return toMe(await service.loadSessionUser(db, user));
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Log out' } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await service.endSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return noContent(reply);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Who I am, with my roles', response: { 200: meSchema, 401: problemSchema } } },
    async (req) => toMe(requireUser(req)),
  );

  app.patch(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Change my language', body: updateMeBody, response: { 200: meSchema } } },
    async (req) => {
      const user = requireUser(req);
      await service.setLocale(db, actorOf(req), user.id, req.body.locale);
      return { ...toMe(user), locale: req.body.locale };
    },
  );
};
