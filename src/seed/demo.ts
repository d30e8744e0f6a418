/**
 * The demo dataset generator's entry point: a realistic union network for Nghệ An (or the whole
 * country), deterministic for a seed, written in one transaction.
 */
import type { Database } from '../db/client.ts';
import { buildDataset, type SeedScale } from './dataset.ts';
import { insertDataset } from './insert.ts';

export type { SeedScale } from './dataset.ts';

export type SeedSummary = { units: number; unitVersions: number; areas: number; ms: number };

export async function seedDemoTree(
  database: Database,
  opts: { scale: SeedScale; seed?: number; onProgress?: (done: number, total: number) => void },
): Promise<SeedSummary> {
  const started = performance.now();
  const data = buildDataset(opts.scale, opts.seed ?? 1);
  await insertDataset(database, data, opts.onProgress);
  return {
    units: data.units.length,
    unitVersions: data.versions.length,
    areas: data.areas.length,
    ms: Math.round(performance.now() - started),
  };
}
