import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayVn } from '../../lib/dates.ts';
import { actorOf, requireUser, scopeOf } from '../../lib/http.ts';
import { idParam, problemSchema } from '../../lib/schemas.ts';
import { move } from './move.ts';
import {
  asOfQuery,
  childrenSchema,
  countsSchema,
  createUnitBody,
  directoryQuery,
  directorySchema,
  dissolveUnitBody,
  moveResultSchema,
  moveUnitsBody,
  unitDetailSchema,
  unitListQuery,
  unitListSchema,
  unitTypeSchema,
  updateUnitBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['units'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/unit-types',
    { schema: { tags, summary: 'Unit types (levels are data)', response: { 200: z.array(unitTypeSchema) } } },
    async () => service.listTypes(db),
  );

  app.get(
    '/units/roots',
    { schema: { tags, summary: 'The top units I can see', querystring: asOfQuery, response: { 200: childrenSchema } } },
    async (req) => {
      const d = req.query.asOf ?? todayVn();
      return { asOf: d, items: await service.roots(db, scopeOf(req), d) };
    },
  );

  app.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'Search units by name (no diacritics needed) or code',
        querystring: unitListQuery,
        response: { 200: unitListSchema, ...errors },
      },
    },
    async (req) => {
      const { asOf, ...opts } = req.query;
      return service.search(db, scopeOf(req), opts, asOf ?? todayVn());
    },
  );

  app.get(
    '/units/grassroots-directory',
    {
      schema: {
        tags,
        summary: 'Operating CĐCS anywhere, by name or code: to choose a transfer’s destination (officers)',
        querystring: directoryQuery,
        response: { 200: directorySchema, ...errors },
      },
    },
    async (req) => service.directory(requireUser(req), db, req.query.q, req.query.limit),
  );

  app.get(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'A unit as it stood on a day, with counts and history',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: unitDetailSchema, ...errors },
      },
    },
    async (req) => service.detail(db, scopeOf(req), req.params.id, req.query.asOf ?? todayVn()),
  );

  app.get(
    '/units/:id/children',
    {
      schema: {
        tags,
        summary: 'Direct sub-units on a day',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: childrenSchema },
      },
    },
    async (req) => {
      const d = req.query.asOf ?? todayVn();
      return { asOf: d, items: await service.children(db, scopeOf(req), req.params.id, d) };
    },
  );

  app.get(
    '/units/:id/counts',
    {
      schema: {
        tags,
        summary: 'Units under a unit on a day, per type',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: countsSchema, ...errors },
      },
    },
    async (req) => service.counts(db, scopeOf(req), req.params.id, req.query.asOf ?? todayVn()),
  );

  app.post(
    '/units',
    { schema: { tags, summary: 'Found a unit', body: createUnitBody, response: { 201: unitDetailSchema, ...errors } } },
    async (req, reply) => {
      const id = await service.create(db, scopeOf(req), actorOf(req), req.body);
      reply.code(201);
      return service.detail(db, scopeOf(req), id, req.body.foundedOn);
    },
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename or change a unit from a day on (a new version)',
        params: idParam,
        body: updateUnitBody,
        response: { 200: unitDetailSchema, ...errors },
      },
    },
    async (req) => {
      await service.update(db, scopeOf(req), actorOf(req), req.params.id, req.body);
      return service.detail(db, scopeOf(req), req.params.id, req.body.effectiveOn);
    },
  );

  app.post(
    '/units/move',
    {
      schema: {
        tags,
        summary: 'Move one or many units (with their subtrees) under a new parent from a day on',
        body: moveUnitsBody,
        response: { 200: moveResultSchema, ...errors },
      },
    },
    async (req) => move(db, scopeOf(req), actorOf(req), req.body),
  );

  app.post(
    '/units/:id/dissolve',
    {
      schema: {
        tags,
        summary: 'Dissolve a unit from a day on',
        params: idParam,
        body: dissolveUnitBody,
        response: { 200: unitDetailSchema, ...errors },
      },
    },
    async (req) => {
      await service.dissolve(db, scopeOf(req), actorOf(req), req.params.id, req.body);
      return service.detail(db, scopeOf(req), req.params.id, req.body.effectiveOn);
    },
  );
};
