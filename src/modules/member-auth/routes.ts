import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MEMBER_SESSION_COOKIE, noContent, requireMember } from '../../lib/http.ts';
import { problemSchema } from '../../lib/schemas.ts';
import { channelFor } from './channels.ts';
import { appMeSchema, challengeSchema, codeBody, verifyBody } from './schema.ts';
import * as service from './service.ts';
import { endMemberSession } from './session.ts';

const tags = ['member app'];
const errors = { 400: problemSchema, 401: problemSchema, 429: problemSchema };

/** Members sign in with a one-time code sent to the phone on their record; no password. */
export const memberAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const secure = app.config.cookieSecure === 'auto' ? app.config.production : app.config.cookieSecure;

  app.post(
    '/app/auth/code',
    {
      // Per address; the service adds per identifier (one a minute, five an hour).
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a one-time sign-in code (the same answer whether or not the identifier is a member’s)',
        body: codeBody,
        response: { 200: challengeSchema, ...errors },
      },
    },
    async (req) => service.requestCode(db, channelFor(app.config, app.log), req.log, req.body.identifier),
  );

  app.post(
    '/app/auth/verify',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with the code: sets the member session cookie',
        body: verifyBody,
        response: { 200: appMeSchema, ...errors },
      },
    },
    async (req, reply) => {
      const s = await service.verifyCode(db, req.body.challengeId, req.body.code, req.id);
      reply.setCookie(MEMBER_SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: s.expiresAt,
      });
      return service.appMe(db, s.personId, `${req.protocol}://${req.host}`);
    },
  );

  app.post(
    '/app/auth/logout',
    { config: { public: true }, schema: { tags, summary: 'Sign out of the member app' } },
    async (req, reply) => {
      const token = req.cookies[MEMBER_SESSION_COOKIE];
      if (token) await endMemberSession(db, token);
      reply.clearCookie(MEMBER_SESSION_COOKIE, { path: '/' });
      return noContent(reply);
    },
  );

  app.get(
    '/app/me',
    {
      config: { public: true },
      schema: { tags, summary: 'My profile and e-card', response: { 200: appMeSchema, 401: problemSchema } },
    },
    async (req) => service.appMe(db, requireMember(req).personId, `${req.protocol}://${req.host}`),
  );
};
