import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export type Engine = 'PGlite' | 'PostgreSQL';

/**
 * A fresh, migrated database for one bench run: PGlite in memory, or a PostgreSQL database of this
 * name at BENCH_PG_URL (dropped first if a crashed run left it, and dropped again afterwards).
 */
export async function withBenchDb<T>(engine: Engine, name: string, fn: (d: Database) => Promise<T>): Promise<T> {
  if (engine === 'PGlite') {
    const d = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrate(d);
      return await fn(d);
    } finally {
      await d.close();
    }
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const d = await openDatabase({ databaseUrl: url.toString() });
  try {
    await migrate(d);
    return await fn(d);
  } finally {
    await d.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export type Timing = { runs: number; p50: number; p95: number; min: number; max: number };

/** Runs fn `warmup` times untimed, then `runs` times timed; milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs = 30, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  return { runs, p50: at(0.5), p95: at(0.95), min: ms[0] ?? 0, max: ms[ms.length - 1] ?? 0 };
}

export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** Machine line for the figures: they mean nothing without it. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

const perfFile = path.resolve(import.meta.dirname, '../docs/performance.md');

/** Replaces the section between <!-- bench:name --> markers in docs/performance.md. */
export function writeSection(name: string, markdown: string) {
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  let doc = fs.existsSync(perfFile) ? fs.readFileSync(perfFile, 'utf8') : '# Performance\n';
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(perfFile, doc);
  process.stdout.write(`${markdown.trim()}\n\n(written to docs/performance.md, section ${name})\n`);
}
