import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import {
  admitApplicationBody,
  appApplicationBody,
  appApplicationSchema,
  applicationSchema,
  listQuery,
  placesQuery,
  placesSchema,
  publicStatusSchema,
  rejectBody,
  submitBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['applications'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const one = async (req: Parameters<typeof requireUser>[0], id: number) =>
    (await service.get(db, requireUser(req), id)).application;

  app.post(
    '/applications',
    {
      schema: {
        tags,
        summary: 'File an application to join (on a worker’s behalf)',
        body: submitBody,
        response: { 201: applicationSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.submit(db, requireUser(req), actorOf(req), req.body);
      reply.code(201);
      return one(req, id);
    },
  );

  app.get(
    '/applications',
    {
      schema: {
        tags,
        summary: 'Applications sent to units I see, newest first',
        querystring: listQuery,
        response: { 200: z.array(applicationSchema), ...errors },
      },
    },
    async (req) => service.list(db, requireUser(req), req.query),
  );

  app.get(
    '/applications/:id',
    { schema: { tags, summary: 'One application', params: idParam, response: { 200: applicationSchema, ...errors } } },
    async (req) => one(req, req.params.id),
  );

  app.post(
    '/applications/:id/verify',
    {
      schema: {
        tags,
        summary: 'Mark as verified by the upper union',
        params: idParam,
        response: { 200: applicationSchema, ...errors },
      },
    },
    async (req) => {
      await service.verify(db, requireUser(req), actorOf(req), req.params.id);
      return one(req, req.params.id);
    },
  );

  app.post(
    '/applications/:id/admit',
    {
      schema: {
        tags,
        summary: 'Admit the applicant into a CĐCS',
        params: idParam,
        body: admitApplicationBody,
        response: { 200: applicationSchema, ...errors },
      },
    },
    async (req) => {
      await service.admit(db, requireUser(req), actorOf(req), req.params.id, req.body);
      return one(req, req.params.id);
    },
  );

  app.post(
    '/applications/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject, with the reason the applicant will see',
        params: idParam,
        body: rejectBody,
        response: { 200: applicationSchema, ...errors },
      },
    },
    async (req) => {
      await service.reject(db, requireUser(req), actorOf(req), req.params.id, req.body.reason);
      return one(req, req.params.id);
    },
  );

  // The member app: a worker finds their workplace and applies on their own, without an account.
  app.get(
    '/app/join/places',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Workplaces to apply through: operating enterprises (name or tax code) and CĐCS (public)',
        querystring: placesQuery,
        response: { 200: placesSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (req) => ({ items: await service.places(db, req.query.q) }),
  );

  app.post(
    '/app/applications',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'A worker applies to join (public); follow it by tracking code',
        body: appApplicationBody,
        response: { 201: appApplicationSchema, ...errors, 429: problemSchema },
      },
    },
    async (req, reply) => {
      const answer = await service.submitFromApp(db, req.body, req.id);
      reply.code(201);
      return answer;
    },
  );

  app.get(
    '/applications/status/:trackingCode',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'An applicant follows their application by tracking code (public)',
        params: z.object({ trackingCode: z.string().min(4).max(20) }),
        response: { 200: publicStatusSchema, 400: problemSchema },
      },
    },
    async (req) => service.publicStatus(db, req.params.trackingCode),
  );
};
