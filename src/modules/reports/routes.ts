import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { reportDocument } from './document.ts';
import { reportPdf } from './report-pdf.ts';
import { reportXlsx } from './report-xlsx.ts';
import {
  createReportBody,
  listQuery,
  reportDetail,
  reportList,
  submissionsQuery,
  submissionsSchema,
  updateReportBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['reports'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Periodic statistical reports: drafted live, submitted and frozen, corrected as new versions. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Reports of units in the caller’s scope, newest period first',
        querystring: listQuery,
        response: { 200: reportList, ...errors },
      },
    },
    async (req) => service.list(db, requireUser(req), req.query),
  );

  app.get(
    '/reports/submissions',
    {
      schema: {
        tags,
        summary: 'For each direct sub-unit: its latest submitted report for the period, or missing',
        querystring: submissionsQuery,
        response: { 200: submissionsSchema, ...errors },
      },
    },
    async (req) => service.submissions(db, requireUser(req), req.query),
  );

  app.post(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Open a draft report: 6-month (year, half), annual (year) or term (periodFrom, periodTo)',
        body: createReportBody,
        response: { 201: reportDetail, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.create(db, requireUser(req), actorOf(req), req.body);
      reply.code(201);
      return service.detail(db, requireUser(req), id);
    },
  );

  app.get(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'A report with its figures: live for a draft, as stored for a submitted one',
        params: idParam,
        response: { 200: reportDetail, ...errors },
      },
    },
    async (req) => service.detail(db, requireUser(req), req.params.id),
  );

  app.patch(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft’s document number and note (409 once submitted)',
        params: idParam,
        body: updateReportBody,
        response: { 200: reportDetail, ...errors },
      },
    },
    async (req) => {
      await service.update(db, requireUser(req), actorOf(req), req.params.id, req.body);
      return service.detail(db, requireUser(req), req.params.id);
    },
  );

  app.post(
    '/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the draft: its figures are computed and stored, and it never changes again',
        params: idParam,
        response: { 200: reportDetail, ...errors },
      },
    },
    async (req) => {
      await service.submit(db, requireUser(req), actorOf(req), req.params.id);
      return service.detail(db, requireUser(req), req.params.id);
    },
  );

  app.post(
    '/reports/:id/correct',
    {
      schema: {
        tags,
        summary: 'Start a correction of a submitted report: a new draft version (409 if one is open)',
        params: idParam,
        response: { 201: reportDetail, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.correct(db, requireUser(req), actorOf(req), req.params.id);
      reply.code(201);
      return service.detail(db, requireUser(req), id);
    },
  );

  const exportsOf = [
    ['xlsx', XLSX, reportXlsx],
    ['pdf', 'application/pdf', reportPdf],
  ] as const;
  for (const [ext, type, render] of exportsOf) {
    app.get(
      `/reports/:id.${ext}`,
      {
        schema: {
          tags,
          summary: `The report as .${ext}, with the official header`,
          params: idParam,
          response: { 200: z.any().meta({ description: 'the file' }), ...errors },
        },
      },
      async (req, reply) => {
        const r = await service.detail(db, requireUser(req), req.params.id);
        const name = `bao-cao-${r.unit.code}-${r.periodFrom}-${r.periodTo}-v${r.version}.${ext}`;
        reply.type(type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
        return render(reportDocument(r));
      },
    );
  }
};
