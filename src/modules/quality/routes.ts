import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localeOf, requireUser } from '../../lib/http.ts';
import { problemSchema } from '../../lib/schemas.ts';
import { qualityQuery, qualityReport } from './schema.ts';
import { report } from './service.ts';

export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/data-quality/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Member data problems: duplicate, missing or invalid identifiers, members of dissolved units',
        querystring: qualityQuery,
        response: { 200: qualityReport, 404: problemSchema },
      },
    },
    async (req) => report(app.database.db, requireUser(req), req.query, localeOf(req)),
  );
};
