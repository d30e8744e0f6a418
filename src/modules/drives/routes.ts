import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { actorOf, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { recognise } from './recognition.ts';
import {
  abandonBody,
  assignableSchema,
  assignBody,
  boardQuery,
  boardSchema,
  contactBody,
  documentQuery,
  driveDetailSchema,
  openDriveBody,
  recogniseBody,
  stageBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['drives'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Organising drives: from the survey of an enterprise to the recognition of its new CĐCS. */
export const driveRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Documents arrive as the raw body with their own type (PDF, image, Word...).
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 16 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  const caller = (req: Parameters<typeof requireUser>[0]) => requireUser(req);
  const detail = (req: Parameters<typeof requireUser>[0], id: number) => service.detail(db, caller(req), id);

  app.get(
    '/drives',
    {
      schema: {
        tags,
        summary: 'The board: drives in the caller’s units by stage, stalled ones flagged',
        querystring: boardQuery,
        response: { 200: boardSchema, ...errors },
      },
    },
    async (req) => service.board(db, caller(req), req.query),
  );

  app.post(
    '/drives',
    {
      schema: {
        tags,
        summary: 'Open a drive at an enterprise without a CĐCS',
        body: openDriveBody,
        response: { 201: driveDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.open(db, caller(req), actorOf(req), req.body);
      reply.code(201);
      return detail(req, id);
    },
  );

  app.get(
    '/drives/:id',
    {
      schema: {
        tags,
        summary: 'A drive: stages with dates, contacts, documents, people',
        params: idParam,
        querystring: z.object({ stalledDays: z.coerce.number().int().min(1).max(3650).default(45) }),
        response: { 200: driveDetailSchema, ...errors },
      },
    },
    async (req) => service.detail(db, caller(req), req.params.id, req.query.stalledDays),
  );

  const writes = [
    ['stage', stageBody, 'Move to another stage from a day on', service.moveStage],
    ['contacts', contactBody, 'Log a contact with workers (support 1-5)', service.logContact],
    ['abandon', abandonBody, 'Stop the drive, with the reason', service.abandon],
  ] as const;
  for (const [path, body, summary, action] of writes) {
    app.post(
      `/drives/:id/${path}`,
      { schema: { tags, summary, params: idParam, body, response: { 200: driveDetailSchema, ...errors } } },
      async (req) => {
        await (action as (...a: unknown[]) => Promise<void>)(db, caller(req), actorOf(req), req.params.id, req.body);
        return detail(req, req.params.id);
      },
    );
  }

  app.put(
    '/drives/:id/assignees',
    {
      schema: {
        tags,
        summary: 'Set the officers and collaborators working on the drive',
        params: idParam,
        body: assignBody,
        response: { 200: driveDetailSchema, ...errors },
      },
    },
    async (req) => {
      await service.assign(db, caller(req), actorOf(req), req.params.id, req.body.userIds);
      return detail(req, req.params.id);
    },
  );

  app.get(
    '/drives/:id/assignable',
    {
      schema: {
        tags,
        summary: 'People who may be assigned: officers and collaborators of the running union’s line',
        params: idParam,
        response: { 200: assignableSchema, ...errors },
      },
    },
    async (req) => service.assignable(db, caller(req), req.params.id),
  );

  app.post(
    '/drives/:id/recognise',
    {
      schema: {
        tags,
        summary: 'Recognise the new CĐCS: founds it in the tree and admits its founders, in one step',
        params: idParam,
        body: recogniseBody,
        response: {
          200: driveDetailSchema.extend({
            recognised: z.object({ unitId: z.number(), code: z.string(), founders: z.number() }),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const recognised = await recognise(db, caller(req), actorOf(req), req.params.id, req.body);
      return { ...(await detail(req, req.params.id)), recognised };
    },
  );

  app.post(
    '/drives/:id/documents',
    {
      schema: {
        tags,
        summary: 'Attach a document (the raw file as the body, its type in Content-Type)',
        params: idParam,
        querystring: documentQuery,
        response: { 201: z.object({ id: z.number() }), ...errors },
      },
    },
    async (req, reply) => {
      const content = req.body as Buffer;
      if (!Buffer.isBuffer(content)) throw invalid([{ field: 'body', vi: 'Chưa gửi tệp.', en: 'No file was sent.' }]);
      const id = await service.addDocument(db, caller(req), actorOf(req), req.params.id, {
        ...req.query,
        mimeType: req.headers['content-type']?.split(';')[0]?.trim() || 'application/octet-stream',
        content,
      });
      reply.code(201);
      return { id };
    },
  );

  app.get(
    '/drives/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Download a document of the drive',
        params: idParam.extend({ documentId: z.coerce.number().int().positive() }),
        response: { 200: z.any().meta({ description: 'the file' }), ...errors },
      },
    },
    async (req, reply) => {
      const doc = await service.document(db, caller(req), req.params.id, req.params.documentId);
      reply
        .type(doc.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
      return doc.content;
    },
  );
};
