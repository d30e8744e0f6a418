import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../lib/http.ts';
import { inScope } from '../../lib/scope.ts';
import { run } from '../../lib/tx.ts';

const entrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log: who changed what, when, before and after (units in my scope)',
        querystring: z.object({
          entityType: z.string().optional(),
          entityId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(entrySchema) },
      },
    },
    async (req) => {
      const scope = scopeOf(req);
      const { entityType, entityId, limit } = req.query;
      // Outside the admin's view, an officer sees entries about units of their subtree only.
      const visible = scope.all
        ? sql`true`
        : sql`a.entity_type = 'unit' and exists (select 1 from unit_version v
            where v.unit_id = a.entity_id::bigint and ${inScope(scope, sql.raw('v.path'))})`;
      const res = await run<z.infer<typeof entrySchema>>(
        db,
        sql`
        select a.id, a.at::text as at, a.actor_name as "actorName", a.action, a.entity_type as "entityType",
          a.entity_id as "entityId", a.before, a.after
        from audit_log a
        where ${visible}
          ${entityType ? sql`and a.entity_type = ${entityType}` : sql``}
          ${entityId ? sql`and a.entity_id = ${entityId}` : sql``}
        order by a.id desc limit ${limit}`,
      );
      return res.rows;
    },
  );
};
