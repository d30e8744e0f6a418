import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { actorOf, localeOf, requireUser } from '../../lib/http.ts';
import { isoDay, problemSchema } from '../../lib/schemas.ts';
import { importExtract } from './import.ts';
import { registerSources } from './schema.ts';

const problem = z.object({ row: z.number(), column: z.string(), header: z.string(), message: z.string() });

const reportSchema = z.object({
  fileName: z.string(),
  source: z.enum(registerSources),
  asOf: z.string(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ letter: z.string(), header: z.string(), field: z.string().nullable() })),
  rows: z.number(),
  counts: z.object({
    new: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    invalid: z.number(),
    /** Rows of enterprises another unit is in charge of: left untouched. */
    outOfScope: z.number(),
    /** Conflicts raised for a person to decide. */
    conflicts: z.number(),
  }),
  problems: z.array(problem),
  warnings: z.array(problem),
  committed: z.boolean(),
  importId: z.number().nullable(),
  /** The conflicts the file raises (first 200): what a person will be asked to decide. */
  conflicts: z.array(
    z.object({
      taxCode: z.string(),
      name: z.string(),
      kind: z.string(),
      field: z.string(),
      ourValue: z.unknown(),
      registerValue: z.unknown(),
    }),
  ),
});
export type ExtractImportReportView = z.infer<typeof reportSchema>;

const importQuery = z.object({
  source: z.enum(registerSources).meta({ description: 'dpi: business registrations; bhxh: insured workers' }),
  fileName: z.string().min(1).max(200),
  asOf: isoDay.optional().meta({ description: 'The day the extract speaks of (default today)' }),
  unitId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'Upper union for new enterprises whose place names none (default: your unit)' }),
  take: z.enum(['all', 'valid']).default('all'),
});

/** Extract upload: the file is the raw request body (application/octet-stream). */
export const enterpriseImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  for (const [path, dryRun, summary] of [
    [
      '/enterprises/import/preview',
      true,
      'Check a register extract: columns found, what would change, conflicts, problems by row; writes nothing',
    ],
    [
      '/enterprises/import',
      false,
      'Import a register extract (DPI or BHXH): all or nothing, or only the good rows (take=valid)',
    ],
  ] as const) {
    app.post(
      path,
      {
        schema: {
          tags: ['enterprises'],
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
        const report = await importExtract(db, requireUser(req), actorOf(req), { data, dryRun, ...req.query });
        const en = localeOf(req) === 'en';
        const say = ({ vi, en: e, ...p }: { vi: string; en: string; row: number; column: string; header: string }) => ({
          ...p,
          message: en ? e : vi,
        });
        return { ...report, problems: report.problems.map(say), warnings: report.warnings.map(say) };
      },
    );
  }
};
