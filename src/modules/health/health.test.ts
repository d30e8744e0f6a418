import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { migrationsFolder } from '../../lib/paths.ts';

let database: Database;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('health and API documentation', () => {
  it('answers health with the database kind and schema version, without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const expected = (process.env.TEST_DATABASE ?? 'pglite') === 'pglite' ? 'pglite' : 'postgresql';
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
    expect(res.json()).toEqual({ status: 'ok', database: expected, schemaVersion: journal.entries.length });
  });

  it('publishes an OpenAPI 3.1 document covering the endpoints, with the docs page at /api/docs', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/units',
      '/api/v1/units/{id}',
      '/api/v1/units/move',
      '/api/v1/areas/{code}',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('answers an unknown API path with a problem, not the web app', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('not_found');
  });
});
