import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { actorOf, requireUser } from '../../lib/http.ts';
import { idParam, isoDay, problemSchema } from '../../lib/schemas.ts';
import { exportAllocation, importAllocation } from './allocation-xlsx.ts';
import { commendations } from './commendations.ts';
import { progress } from './progress.ts';
import {
  allocationBody,
  allocationQuery,
  allocationTable,
  commendationSchema,
  createPlanBody,
  planListSchema,
  planView,
  progressQuery,
  progressSchema,
  targetBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['plans'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Plans, their targets, the target tables that split them down the tree, and live progress. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const caller = (req: Parameters<typeof requireUser>[0]) => requireUser(req);
  // A target table comes back as the raw .xlsx (or .csv) body.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Plans the caller sees: their units’, their sub-units’ and their upper unions’',
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
        response: { 200: planListSchema, ...errors },
      },
    },
    async (req) => service.list(db, caller(req), req.query.unitId),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Create a plan with its targets',
        body: createPlanBody,
        response: { 201: planView, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.create(db, caller(req), actorOf(req), req.body);
      reply.code(201);
      return service.detail(db, caller(req), id);
    },
  );

  app.get(
    '/plans/:id',
    { schema: { tags, summary: 'A plan and its targets', params: idParam, response: { 200: planView, ...errors } } },
    async (req) => service.detail(db, caller(req), req.params.id),
  );

  app.post(
    '/plans/:id/targets',
    {
      schema: {
        tags,
        summary: 'Add a target to a plan',
        params: idParam,
        body: targetBody,
        response: { 201: planView, ...errors },
      },
    },
    async (req, reply) => {
      await service.addTarget(db, caller(req), actorOf(req), req.params.id, req.body);
      reply.code(201);
      return service.detail(db, caller(req), req.params.id);
    },
  );

  app.get(
    '/plans/:id/progress',
    {
      schema: {
        tags,
        summary: 'Actual against allocated for a unit and its sub-units, as of a day, with forecast and warnings',
        params: idParam,
        querystring: progressQuery,
        response: { 200: progressSchema, ...errors },
      },
    },
    async (req) => progress(db, caller(req), req.params.id, req.query),
  );

  app.get(
    '/plans/:id/commendations',
    {
      schema: {
        tags,
        summary:
          'Units that met or exceeded every target given to them, and people who founded CĐCS: a proposal’s start',
        params: idParam,
        querystring: z.object({ asOf: isoDay.optional() }),
        response: { 200: commendationSchema, ...errors },
      },
    },
    async (req) => commendations(db, caller(req), req.params.id, req.query.asOf),
  );

  app.get(
    '/targets/:id/allocation',
    {
      schema: {
        tags,
        summary: 'The target table of a unit: its share and its sub-units’, by period',
        params: idParam,
        querystring: allocationQuery,
        response: { 200: allocationTable, ...errors },
      },
    },
    async (req) => service.allocationTable(db, caller(req), req.params.id, req.query),
  );

  app.put(
    '/targets/:id/allocation',
    {
      schema: {
        tags,
        summary: 'Set cells of a unit’s target table (all or none); a changed cell keeps its old value in history',
        params: idParam,
        body: allocationBody,
        response: { 200: z.object({ changed: z.number() }), ...errors },
      },
    },
    async (req) => service.setAllocation(db, caller(req), actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/targets/:id/allocation.xlsx',
    {
      schema: {
        tags,
        summary: 'The target table of a unit as .xlsx (a row per sub-unit, a column per period)',
        params: idParam,
        querystring: allocationQuery,
      },
    },
    async (req, reply) => {
      const { table, buffer } = await exportAllocation(db, caller(req), req.params.id, req.query);
      const name = `giao-chi-tieu-${table.target.id}-${table.unit.code}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(buffer);
    },
  );

  app.post(
    '/targets/:id/allocation.xlsx',
    {
      schema: {
        tags,
        summary: 'Load a target table from .xlsx/.csv: problems by row and column, all cells or none',
        params: idParam,
        querystring: allocationQuery.extend({
          unitId: z.coerce.number().int().positive(),
          fileName: z.string().min(1).max(200).default('bang-giao-chi-tieu.xlsx'),
        }),
        consumes: ['application/octet-stream'],
        response: { 200: z.object({ changed: z.number() }), ...errors },
      },
    },
    async (req) => {
      const data = req.body as Buffer;
      if (!Buffer.isBuffer(data) || data.length === 0)
        throw invalid([{ field: 'body', vi: 'Chưa gửi tệp (nội dung trống).', en: 'No file was sent (empty body).' }]);
      const { fileName, ...query } = req.query;
      return importAllocation(db, caller(req), actorOf(req), req.params.id, query, { data, fileName });
    },
  );
};
