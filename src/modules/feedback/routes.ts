import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, memberActorOf, requireMember, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import {
  answerBody,
  assignBody,
  assigneesSchema,
  closeBody,
  escalateBody,
  feedbackThreadSchema,
  inboxQuery,
  inboxSchema,
  memberFeedbackListSchema,
  messageBody,
  officerThreadSchema,
  responseTimesQuery,
  responseTimesSchema,
  startBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['feedback'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
// Members' endpoints pass the officers' session check and ask for a member session instead.
const member = { public: true };

/**
 * Tâm tư, nguyện vọng: members' concerns, questions and requests for legal consultation as
 * threads (under /app/), and the officers' inbox where their CĐCS, then the upper union or the
 * legal team, answers them.
 */
export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/app/feedback',
    {
      config: member,
      schema: {
        tags,
        summary: 'The member’s own threads, newest first',
        response: { 200: memberFeedbackListSchema, ...errors },
      },
    },
    async (req) => service.listOwn(db, requireMember(req)),
  );

  app.post(
    '/app/feedback',
    {
      config: member,
      schema: {
        tags,
        summary: 'Start a thread with the member’s CĐCS (at most 10 a day)',
        body: startBody,
        response: { 201: feedbackThreadSchema, ...errors, 429: problemSchema },
      },
    },
    async (req, reply) => {
      const thread = await service.start(db, requireMember(req), memberActorOf(req), req.body);
      return reply.code(201).send(thread);
    },
  );

  app.get(
    '/app/feedback/:id',
    {
      config: member,
      schema: {
        tags,
        summary: 'One of the member’s threads',
        params: idParam,
        response: { 200: feedbackThreadSchema, ...errors },
      },
    },
    async (req) => service.getOwn(db, requireMember(req), req.params.id),
  );

  app.post(
    '/app/feedback/:id/messages',
    {
      config: member,
      schema: {
        tags,
        summary: 'Write in one’s thread (reopens it when closed)',
        params: idParam,
        body: messageBody,
        response: { 200: feedbackThreadSchema, ...errors },
      },
    },
    async (req) => service.addMessage(db, requireMember(req), memberActorOf(req), req.params.id, req.body.body),
  );

  // ---- officers --------------------------------------------------------------------------------

  app.get(
    '/feedback',
    {
      schema: {
        tags,
        summary: 'The inbox: threads handled in the caller’s units, newest activity first',
        querystring: inboxQuery,
        response: { 200: inboxSchema, ...errors },
      },
    },
    async (req) => service.inbox(db, requireUser(req), req.query),
  );

  app.get(
    '/feedback/response-times',
    {
      schema: {
        tags,
        summary: 'Threads received, answered, open and time to first answer, per child unit and in total',
        querystring: responseTimesQuery,
        response: { 200: responseTimesSchema, ...errors },
      },
    },
    async (req) => service.responseTimes(db, requireUser(req), req.query),
  );

  app.get(
    '/feedback/:id',
    {
      schema: {
        tags,
        summary: 'One thread (no sender when anonymous)',
        params: idParam,
        response: { 200: officerThreadSchema, ...errors },
      },
    },
    async (req) => service.detail(db, requireUser(req), req.params.id),
  );

  app.get(
    '/feedback/:id/assignees',
    {
      schema: {
        tags,
        summary: 'Officers the thread may be assigned to (of the handling unit, under it or above it)',
        params: idParam,
        response: { 200: assigneesSchema, ...errors },
      },
    },
    async (req) => service.assignees(db, requireUser(req), req.params.id),
  );

  app.post(
    '/feedback/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer, signed by the handling unit',
        params: idParam,
        body: answerBody,
        response: { 200: officerThreadSchema, ...errors },
      },
    },
    async (req) => service.answer(db, requireUser(req), actorOf(req), req.params.id, req.body.body),
  );

  app.post(
    '/feedback/:id/assign',
    {
      schema: {
        tags,
        summary: 'Give the thread to an officer',
        params: idParam,
        body: assignBody,
        response: { 200: officerThreadSchema, ...errors },
      },
    },
    async (req) => service.assign(db, requireUser(req), actorOf(req), req.params.id, req.body.userId),
  );

  app.post(
    '/feedback/:id/escalate',
    {
      schema: {
        tags,
        summary: 'Send up to the upper union or to the federation’s legal team',
        params: idParam,
        body: escalateBody,
        response: { 200: officerThreadSchema, ...errors },
      },
    },
    async (req) => service.escalate(db, requireUser(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/feedback/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the thread (the member may reopen it)',
        params: idParam,
        body: closeBody,
        response: { 200: officerThreadSchema, ...errors },
      },
    },
    async (req) => service.close(db, requireUser(req), actorOf(req), req.params.id, req.body.note),
  );
};
