import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, memberActorOf, noContent, requireMember, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { announcementDetail, announcementList, appAnnouncementList, listQuery, publishBody } from './schema.ts';
import * as service from './service.ts';

const tags = ['announcements'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/**
 * Announcements: officers publish to the members of their unit's subtree (or chosen sub-units) and
 * see who read them; members read them in the app, which keeps a receipt of the first read.
 */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/announcements',
    {
      schema: {
        tags,
        summary: 'Announcements published by a unit and the units under it, newest first, with read counts',
        querystring: listQuery,
        response: { 200: announcementList, ...errors },
      },
    },
    async (req) => service.list(db, requireUser(req), req.query),
  );

  app.post(
    '/announcements',
    {
      schema: {
        tags,
        summary: 'Publish an announcement to the members of the unit (or of chosen units under it)',
        body: publishBody,
        response: { 201: announcementDetail, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.publish(db, requireUser(req), actorOf(req), req.body);
      reply.code(201);
      return service.detail(db, requireUser(req), id);
    },
  );

  app.get(
    '/announcements/:id',
    {
      schema: {
        tags,
        summary: 'An announcement with its read receipts: overall and for each audience unit',
        params: idParam,
        response: { 200: announcementDetail, ...errors },
      },
    },
    async (req) => service.detail(db, requireUser(req), req.params.id),
  );

  app.post(
    '/announcements/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an announcement: members no longer see it',
        params: idParam,
        response: { 200: announcementDetail, ...errors },
      },
    },
    async (req) => {
      await service.withdraw(db, requireUser(req), actorOf(req), req.params.id);
      return service.detail(db, requireUser(req), req.params.id);
    },
  );

  app.get(
    '/app/announcements',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Member app: announcements for the member’s CĐCS and its upper units, newest first',
        response: { 200: appAnnouncementList, ...errors },
      },
    },
    async (req) => service.forMember(db, requireMember(req)),
  );

  app.post(
    '/app/announcements/:id/read',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Member app: the member opened the announcement (the first read is kept)',
        params: idParam,
        response: errors,
      },
    },
    async (req, reply) => {
      await service.markRead(db, requireMember(req), memberActorOf(req), req.params.id);
      return noContent(reply);
    },
  );
};
