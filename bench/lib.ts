import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
