import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayVn } from '../../lib/dates.ts';
import { actorOf, requireUser, scopeOf } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { asOfQuery } from '../units/schema.ts';
import { exportMembers } from './export.ts';
import * as lifecycle from './lifecycle.ts';
import { erasePerson, exportPersonalData } from './personal-data.ts';
import { personalDataPdf } from './personal-data-pdf.ts';
import {
  admitBody,
  endBody,
  memberCountSchema,
  memberDetail,
  memberListQuery,
  memberListSchema,
  personInput,
  readmitBody,
  transferBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['members'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: 'Find members: name without diacritics in any order, CCCD, phone or card; filters; cursor pages',
        querystring: memberListQuery,
        response: { 200: memberListSchema, ...errors },
      },
    },
    async (req) => service.list(db, requireUser(req), req.query),
  );

  app.get(
    '/members/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The member list with the same filters, as an Excel file',
        querystring: memberListQuery.omit({ limit: true, after: true }),
      },
    },
    async (req, reply) => {
      const day = req.query.asOf ?? todayVn();
      const file = await exportMembers(db, requireUser(req), req.query);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="doan-vien-${day}.xlsx"`);
      return reply.send(file);
    },
  );

  app.get(
    '/members/:id',
    {
      schema: {
        tags,
        summary: 'A member with their full history',
        params: idParam,
        response: { 200: memberDetail, ...errors },
      },
    },
    async (req) => service.detail(db, requireUser(req), req.params.id),
  );

  app.post(
    '/members',
    {
      schema: {
        tags,
        summary: 'Admit a new member into a CĐCS',
        body: admitBody,
        response: { 201: memberDetail, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.admit(db, requireUser(req), actorOf(req), req.body);
      reply.code(201);
      return service.detail(db, requireUser(req), id);
    },
  );

  app.patch(
    '/members/:id',
    {
      schema: {
        tags,
        summary: "Correct a member's details",
        params: idParam,
        body: personInput,
        response: { 200: memberDetail, ...errors },
      },
    },
    async (req) => {
      await service.updatePerson(db, requireUser(req), actorOf(req), req.params.id, req.body);
      return service.detail(db, requireUser(req), req.params.id);
    },
  );

  app.post(
    '/members/:id/transfer',
    {
      schema: {
        tags,
        summary:
          'Transfer to another CĐCS from a day on: done at once (200) when the caller may write both ends; ' +
          'otherwise a request awaits the receiving side (202, see /transfer-requests)',
        params: idParam,
        body: transferBody,
        response: { 200: memberDetail, 202: memberDetail, ...errors },
      },
    },
    async (req, reply) => {
      const { pending } = await lifecycle.transfer(db, requireUser(req), actorOf(req), req.params.id, req.body);
      if (pending) reply.code(202);
      return service.detail(db, requireUser(req), req.params.id);
    },
  );

  const lifecycleRoutes = [
    ['end', endBody, 'End the membership: withdrawal, expulsion or death', lifecycle.end],
    ['readmit', readmitBody, 'Readmit a former member', lifecycle.readmit],
  ] as const;
  for (const [path, body, summary, action] of lifecycleRoutes) {
    app.post(
      `/members/:id/${path}`,
      { schema: { tags, summary, params: idParam, body, response: { 200: memberDetail, ...errors } } },
      async (req) => {
        await (action as (...a: unknown[]) => Promise<void>)(
          db,
          requireUser(req),
          actorOf(req),
          req.params.id,
          req.body,
        );
        return service.detail(db, requireUser(req), req.params.id);
      },
    );
  }

  app.get(
    '/members/:id/personal-data',
    {
      schema: {
        tags,
        summary: 'Everything held about a person, for a lawful access request (logged)',
        params: idParam,
        response: { 200: z.record(z.string(), z.unknown()), ...errors },
      },
    },
    async (req, reply) => {
      reply.header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${req.params.id}.json"`);
      return exportPersonalData(db, requireUser(req), req.params.id);
    },
  );

  app.get(
    '/members/:id/personal-data.pdf',
    {
      schema: {
        tags,
        summary: 'The same, as a readable PDF in Vietnamese to hand to the person (logged)',
        params: idParam,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const data = await exportPersonalData(db, user, req.params.id);
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${req.params.id}.pdf"`);
      return personalDataPdf(data, user.displayName);
    },
  );

  app.post(
    '/members/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase a person on a lawful request: pseudonymised, counts kept',
        params: idParam,
        body: z.object({ reason: z.string().trim().min(5).max(500) }),
        response: { 200: memberDetail, ...errors },
      },
    },
    async (req) => {
      await erasePerson(db, requireUser(req), actorOf(req), req.params.id, req.body.reason);
      return service.detail(db, requireUser(req), req.params.id);
    },
  );

  app.get(
    '/units/:id/member-count',
    {
      schema: {
        tags,
        summary: 'Members under a unit on a day (total and women)',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: memberCountSchema, ...errors },
      },
    },
    async (req) => service.memberCount(db, scopeOf(req), req.params.id, req.query.asOf ?? todayVn()),
  );
};
