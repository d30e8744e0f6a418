import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, machine, writeSection } from './lib.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Starts the server as `npm start` does (tsx src/main.ts) and times it until it answers /health. */
async function timeStart(dataDir: string): Promise<number> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const t0 = performance.now();
  const child = spawn('node', ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('http://localhost:')) resolve();
      });
    });
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-bench-'));
try {
  const cold = await timeStart(dir);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await timeStart(dir));
  warm.sort((a, b) => a - b);
  writeSection(
    'startup',
    `## Start-up (PGlite, Nghệ An demo)
Command: \`npm run bench -- startup\` (runs \`node scripts/start.mjs\`, what \`npm start\` runs, and waits for \`GET /api/v1/health\`).
Machine: ${machine()}.

| what | time | goal |
|---|---|---|
| cold start: empty data dir, migrations + demo seed (~3,500 units, ~17,000 members, 4 users) | ${fmt(cold)} ms | — |
| warm start: same data dir, median of 5 | ${fmt(warm[2] ?? 0)} ms | under 3,000 ms |
| warm start: slowest of 5 | ${fmt(warm[4] ?? 0)} ms | |`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
