import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../lib/http.ts';
import { problemSchema } from '../../lib/schemas.ts';
import { dashboardQuery, dashboardSchema } from './schema.ts';
import { dashboard } from './service.ts';

const tags = ['dashboard'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary:
          'A unit at a glance on a day: KPIs, members over 24 months, sub-units ranked, members by gender, age, ' +
          'sector and ownership, organising drives by stage',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => dashboard(db, requireUser(req), req.query),
  );
};
