import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { actorOf, localeOf, requireUser } from '../../lib/http.ts';
import { problemSchema } from '../../lib/schemas.ts';
import { importMembers } from './import.ts';

const reportSchema = z.object({
  fileName: z.string(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ letter: z.string(), header: z.string(), field: z.string().nullable() })),
  rows: z.number(),
  counts: z.object({ new: z.number(), updated: z.number(), unchanged: z.number(), invalid: z.number() }),
  problems: z.array(z.object({ row: z.number(), column: z.string(), header: z.string(), message: z.string() })),
  committed: z.boolean(),
});
export type ImportReportView = z.infer<typeof reportSchema>;

const importQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  fileName: z.string().min(1).max(200),
  take: z.enum(['all', 'valid']).default('all'),
});

/** Spreadsheet upload: the file is the raw request body (application/octet-stream). */
export const memberImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  for (const [path, dryRun, summary] of [
    [
      '/members/import/preview',
      true,
      'Check a member spreadsheet: columns found, problems by row and column; writes nothing',
    ],
    [
      '/members/import',
      false,
      'Import a member spreadsheet into a CĐCS: all or nothing, or only the good rows (take=valid)',
    ],
  ] as const) {
    app.post(
      path,
      {
        schema: {
          tags: ['members'],
          summary,
          querystring: importQuery,
          consumes: ['application/octet-stream'],
          response: { 200: reportSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (req) => {
        const data = req.body as Buffer;
        if (!Buffer.isBuffer(data) || data.length === 0)
          throw invalid([
            { field: 'body', vi: 'Chưa gửi tệp (nội dung trống).', en: 'No file was sent (empty body).' },
          ]);
        const report = await importMembers(db, requireUser(req), actorOf(req), {
          data,
          dryRun,
          embedded: app.database.kind === 'pglite',
          ...req.query,
          fileName: req.query.fileName,
        });
        const en = localeOf(req) === 'en';
        return { ...report, problems: report.problems.map(({ vi, en: e, ...p }) => ({ ...p, message: en ? e : vi })) };
      },
    );
  }
};
