import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayVn } from '../../lib/dates.ts';
import { actorOf, localeOf, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { asOfQuery } from '../units/schema.ts';
import { listConflicts, resolve } from './conflicts.ts';
import { gaps, summary } from './coverage.ts';
import { byArea, byChild } from './coverage-breakdown.ts';
import { exportGaps } from './export.ts';
import { selectZones } from './queries.ts';
import {
  assignBody,
  conflictList,
  conflictQuery,
  conflictView,
  coverageByArea,
  coverageByChild,
  coverageQuery,
  coverageSummary,
  createBody,
  detailSchema,
  factBody,
  gapList,
  gapQuery,
  listQuery,
  listSchema,
  patchBody,
  resolveBody,
  zoneSchema,
} from './schema.ts';
import * as service from './service.ts';
import * as write from './write.ts';

const tags = ['enterprises'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const detailOf = (req: Parameters<typeof localeOf>[0], id: number, asOf?: string) =>
    service.detail(db, requireUser(req), id, asOf, localeOf(req));

  app.get(
    '/enterprises',
    {
      schema: {
        tags,
        summary: 'The enterprise register: name or tax code, filters, as of a day; cursor pages',
        querystring: listQuery,
        response: { 200: listSchema, ...errors },
      },
    },
    async (req) => service.list(db, requireUser(req), req.query),
  );

  app.post(
    '/enterprises',
    {
      schema: {
        tags,
        summary: 'Add an enterprise to the register, with its upper union in charge',
        body: createBody,
        response: { 201: detailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await write.create(db, requireUser(req), actorOf(req), req.body);
      reply.code(201);
      return detailOf(req, id);
    },
  );

  app.get(
    '/enterprises/zones',
    { schema: { tags, summary: 'Industrial zones', response: { 200: z.array(zoneSchema) } } },
    async () => selectZones(db, todayVn()),
  );

  app.get(
    '/enterprises/coverage',
    {
      schema: {
        tags,
        summary: "Coverage of a unit's operating enterprises with 25+ workers by CĐCS, as of a day",
        querystring: coverageQuery,
        response: { 200: coverageSummary, ...errors },
      },
    },
    async (req) => summary(db, requireUser(req), req.query.unitId, req.query.asOf),
  );

  app.get(
    '/enterprises/coverage/children',
    {
      schema: {
        tags,
        summary: "A unit's coverage per direct sub-unit (drill down the tree), as of a day",
        querystring: coverageQuery,
        response: { 200: coverageByChild, ...errors },
      },
    },
    async (req) => byChild(db, requireUser(req), req.query.unitId, req.query.asOf),
  );

  app.get(
    '/enterprises/coverage/areas',
    {
      schema: {
        tags,
        summary: "A unit's coverage per commune as registered (for the map), as of a day",
        querystring: coverageQuery,
        response: { 200: coverageByArea, ...errors },
      },
    },
    async (req) => byArea(db, requireUser(req), req.query.unitId, req.query.asOf),
  );

  app.get(
    '/enterprises/coverage/gaps',
    {
      schema: {
        tags,
        summary: "A unit's enterprises with 25+ workers and no CĐCS, ranked by the plan's priorities",
        querystring: gapQuery,
        response: { 200: gapList, ...errors },
      },
    },
    async (req) => gaps(db, requireUser(req), req.query, localeOf(req)),
  );

  app.get(
    '/enterprises/coverage/gaps.xlsx',
    {
      schema: {
        tags,
        summary: 'The ranked list of enterprises without a CĐCS, as an Excel file',
        querystring: coverageQuery,
      },
    },
    async (req, reply) => {
      const caller = requireUser(req);
      const d = req.query.asOf ?? todayVn();
      // Checked before streaming, so a unit out of scope answers 404, not a broken file.
      await service.visibleUnitPath(db, caller.scope, req.query.unitId, d);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="dn-chua-co-cdcs-${d}.xlsx"`);
      return reply.send(exportGaps(db, caller, { unitId: req.query.unitId, asOf: d }));
    },
  );

  app.get(
    '/enterprises/conflicts',
    {
      schema: {
        tags,
        summary: 'Where the outside registers disagree with the register, for a person to decide',
        querystring: conflictQuery,
        response: { 200: conflictList, ...errors },
      },
    },
    async (req) => listConflicts(db, requireUser(req), req.query, localeOf(req)),
  );

  app.post(
    '/enterprises/conflicts/:id/resolve',
    {
      schema: {
        tags,
        summary: "Resolve a conflict: accept the register's value, or keep ours",
        params: idParam,
        body: resolveBody,
        response: { 200: conflictView, ...errors },
      },
    },
    async (req) => resolve(db, requireUser(req), actorOf(req), req.params.id, req.body, localeOf(req)),
  );

  app.get(
    '/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'An enterprise as of a day, with the history of its facts, assignments and conflicts',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (req) => detailOf(req, req.params.id, req.query.asOf),
  );

  app.patch(
    '/enterprises/:id',
    {
      schema: {
        tags,
        summary: "Correct an enterprise's details or link its CĐCS (the officer's values win over imports)",
        params: idParam,
        body: patchBody,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (req) => {
      await write.update(db, requireUser(req), actorOf(req), req.params.id, req.body);
      return detailOf(req, req.params.id);
    },
  );

  app.post(
    '/enterprises/:id/facts',
    {
      schema: {
        tags,
        summary: 'Record a dated fact: workforce (total, women) or operating status, as of a day',
        params: idParam,
        body: factBody,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (req) => {
      await write.recordFact(db, requireUser(req), actorOf(req), req.params.id, req.body);
      return detailOf(req, req.params.id);
    },
  );

  app.post(
    '/enterprises/:id/assignment',
    {
      schema: {
        tags,
        summary: 'Put the enterprise in the charge of another upper union from a day on',
        params: idParam,
        body: assignBody,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (req) => {
      await write.assign(db, requireUser(req), actorOf(req), req.params.id, req.body);
      return detailOf(req, req.params.id);
    },
  );
};
