import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { cardSchema, eCardSchema, issueBody, reissueBody, revokeBody, verificationSchema } from './schema.ts';
import * as service from './service.ts';
import { cardSheet } from './sheet.ts';

const tags = ['cards'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const cardList = z.array(cardSchema);

export const cardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/members/:id/cards',
    {
      schema: {
        tags,
        summary: "A member's cards, newest first",
        params: idParam,
        response: { 200: cardList, ...errors },
      },
    },
    async (req) => service.list(db, requireUser(req), req.params.id),
  );

  app.post(
    '/members/:id/cards',
    {
      schema: {
        tags,
        summary: 'Issue a card',
        params: idParam,
        body: issueBody,
        response: { 201: cardList, ...errors },
      },
    },
    async (req, reply) => {
      await service.issue(db, requireUser(req), actorOf(req), req.params.id, req.body.issuedOn);
      reply.code(201);
      return service.list(db, requireUser(req), req.params.id);
    },
  );

  app.post(
    '/members/:id/cards/reissue',
    {
      schema: {
        tags,
        summary: 'Reissue a card (lost, damaged, changed details): the old one stops being valid',
        params: idParam,
        body: reissueBody,
        response: { 200: cardList, ...errors },
      },
    },
    async (req) => {
      await service.reissue(db, requireUser(req), actorOf(req), req.params.id, req.body.reason, req.body.issuedOn);
      return service.list(db, requireUser(req), req.params.id);
    },
  );

  app.post(
    '/members/:id/cards/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke the valid card',
        params: idParam,
        body: revokeBody,
        response: { 200: cardList, ...errors },
      },
    },
    async (req) => {
      await service.revoke(db, requireUser(req), actorOf(req), req.params.id, req.body.reason, req.body.onDate);
      return service.list(db, requireUser(req), req.params.id);
    },
  );

  app.get(
    '/members/:id/e-card',
    {
      schema: {
        tags,
        summary: 'The e-card with its QR code',
        params: idParam,
        response: { 200: eCardSchema, ...errors },
      },
    },
    async (req) => service.eCard(db, requireUser(req), req.params.id, `${req.protocol}://${req.host}`),
  );

  app.get(
    '/units/:id/card-sheet.pdf',
    {
      schema: {
        tags,
        summary: "Printable sheet (A4, 8 per page) of the valid cards of a CĐCS's members",
        params: idParam,
      },
    },
    async (req, reply) => {
      const { pdf } = await cardSheet(db, requireUser(req), req.params.id, `${req.protocol}://${req.host}`);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="the-doan-vien-${req.params.id}.pdf"`);
      return reply.send(pdf);
    },
  );

  app.get(
    '/cards/verify/:token',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Check a scanned card: valid, revoked, replaced or unknown (public, no personal data)',
        params: z.object({ token: z.string().max(100) }),
        response: { 200: verificationSchema },
      },
    },
    async (req) => service.verify(db, req.params.token),
  );
};
