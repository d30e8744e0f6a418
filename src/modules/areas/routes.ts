import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { problemSchema } from '../../lib/schemas.ts';
import { searchTerms } from '../../lib/vietnamese.ts';
import * as q from './queries.ts';
import { areaDetailSchema, areaListQuery, areaSchema, tracedDistrictSchema } from './schema.ts';

const tags = ['areas'];

// Administrative areas are public reference data: no scope applies, only a session.
export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/areas',
    {
      schema: {
        tags,
        summary: 'Administrative areas',
        querystring: areaListQuery,
        response: { 200: z.array(areaSchema) },
      },
    },
    async (req) => q.selectAreas(db, { ...req.query, terms: searchTerms(req.query.q ?? '') }),
  );

  app.get(
    '/areas/traced-districts',
    {
      schema: {
        tags,
        summary: 'Communes of the 2025 reform, each with the district most of its predecessors lay in',
        response: { 200: z.array(tracedDistrictSchema) },
      },
    },
    async () => q.selectTracedDistricts(db),
  );

  app.get(
    '/areas/:code',
    {
      schema: {
        tags,
        summary: 'An area with its parent and its 2025 successors or predecessors',
        params: z.object({ code: z.string().max(20) }),
        response: { 200: areaDetailSchema, 404: problemSchema },
      },
    },
    async (req) => {
      const a = await q.selectArea(db, req.params.code);
      if (!a) throw notFound({ vi: 'địa bàn', en: 'area' }, req.params.code);
      const [parent, successors, predecessors] = await Promise.all([
        a.parentCode ? q.selectArea(db, a.parentCode) : undefined,
        q.selectLinked(db, a.code, 'next'),
        q.selectLinked(db, a.code, 'previous'),
      ]);
      return { ...a, parent: parent ?? null, successors, predecessors };
    },
  );
};
