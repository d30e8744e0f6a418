import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, memberActorOf, requireMember, requireUser } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import {
  appSurvey,
  appSurveyList,
  createSurveyBody,
  listQuery,
  responseBody,
  surveyList,
  surveyResults,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['surveys'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/**
 * Surveys and polls: officers run them among the members of their unit's subtree (or chosen
 * sub-units) and read the tallies; members answer once in the app while a survey is open.
 */
export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Surveys run by a unit and the units under it, newest first, with response counts',
        querystring: listQuery,
        response: { 200: surveyList, ...errors },
      },
    },
    async (req) => service.list(db, requireUser(req), req.query),
  );

  app.post(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Start a survey: questions of single choice, multiple choice or text, for chosen units',
        body: createSurveyBody,
        response: { 201: surveyResults, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.create(db, requireUser(req), actorOf(req), req.body);
      reply.code(201);
      return service.results(db, requireUser(req), id);
    },
  );

  app.get(
    '/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Results: responses against the audience, option counts and shares, text answers (never who)',
        params: idParam,
        response: { 200: surveyResults, ...errors },
      },
    },
    async (req) => service.results(db, requireUser(req), req.params.id),
  );

  app.post(
    '/surveys/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a survey now: members can no longer answer',
        params: idParam,
        response: { 200: surveyResults, ...errors },
      },
    },
    async (req) => {
      await service.close(db, requireUser(req), actorOf(req), req.params.id);
      return service.results(db, requireUser(req), req.params.id);
    },
  );

  app.get(
    '/app/surveys',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Member app: surveys open now for the member, with whether they answered',
        response: { 200: appSurveyList, ...errors },
      },
    },
    async (req) => service.openForMember(db, requireMember(req)),
  );

  app.get(
    '/app/surveys/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Member app: a survey with its questions, and the member’s answers if given',
        params: idParam,
        response: { 200: appSurvey, ...errors },
      },
    },
    async (req) => service.forMember(db, requireMember(req), req.params.id),
  );

  app.post(
    '/app/surveys/:id/responses',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Member app: answer a survey (once, while it is open)',
        params: idParam,
        body: responseBody,
        response: { 201: appSurvey, ...errors },
      },
    },
    async (req, reply) => {
      const s = await service.respond(db, requireMember(req), memberActorOf(req), req.params.id, req.body.answers);
      reply.code(201);
      return s;
    },
  );
};
