import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, scopeOf } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { acceptBody, boxQuery, boxSchema, cancelBody, declineBody, transferRequestSchema } from './schema.ts';
import * as service from './service.ts';

const tags = ['transfers'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/**
 * Transfers that wait for the receiving side: asked for through POST /members/:id/transfer (which
 * answers 202 when consent is needed), then accepted, declined or cancelled here.
 */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/transfer-requests',
    {
      schema: {
        tags,
        summary: 'Transfer requests arriving at (incoming) or leaving (outgoing) the caller’s units',
        querystring: boxQuery,
        response: { 200: boxSchema, ...errors },
      },
    },
    async (req) => service.box(db, scopeOf(req), req.query.box, req.query.status),
  );

  app.get(
    '/transfer-requests/:id',
    {
      schema: {
        tags,
        summary: 'One transfer request',
        params: idParam,
        response: { 200: transferRequestSchema, ...errors },
      },
    },
    async (req) => service.get(db, scopeOf(req), req.params.id),
  );

  app.post(
    '/transfer-requests/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept: the member moves to the receiving CĐCS on the day given (or asked)',
        params: idParam,
        body: acceptBody,
        response: { 200: transferRequestSchema, ...errors },
      },
    },
    async (req) => service.accept(db, scopeOf(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/transfer-requests/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline, with a reason: the member stays where they are',
        params: idParam,
        body: declineBody,
        response: { 200: transferRequestSchema, ...errors },
      },
    },
    async (req) => service.close(db, scopeOf(req), actorOf(req), req.params.id, 'declined', req.body.reason),
  );

  app.post(
    '/transfer-requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Withdraw a request the caller’s side sent',
        params: idParam,
        body: cancelBody,
        response: { 200: transferRequestSchema, ...errors },
      },
    },
    async (req) => service.close(db, scopeOf(req), actorOf(req), req.params.id, 'cancelled', req.body.reason),
  );
};
