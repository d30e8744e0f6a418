import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaVersion } from '../../db/migrate.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgresql']),
            schemaVersion: z.number(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: app.database.kind,
      schemaVersion: await schemaVersion(app.database),
    }),
  );
};
