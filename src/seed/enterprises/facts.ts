/**
 * The dated facts of the demo register, as the imports of past years would have left them: the
 * business register's status of each enterprise, Social Insurance counts at the end of 2019, 2021
 * and 2023 and in mid-2025, a few officers' own counts, and a last round of extracts whose
 * disagreements wait as open conflicts (jumps, closures, other names, counts against an officer's).
 */
import { fold } from '../../lib/vietnamese.ts';
import type { Random } from '../random.ts';
import type { Life } from './generate.ts';

export type ImportRow = { id: number; source: string; fileName: string; asOf: string; counts: Record<string, number> };
export type FactRow = {
  id: number;
  enterpriseId: number;
  kind: 'workforce' | 'status';
  observedOn: string;
  validTo: string | null;
  workforceTotal: number | null;
  workforceWomen: number | null;
  status: string | null;
  source: string;
  state: string;
  importId: number | null;
  note: string | null;
};
export type ConflictRow = {
  enterpriseId: number;
  kind: string;
  field: string;
  key: string;
  ourValue: unknown;
  registerValue: unknown;
  source: string;
  asOf: string;
  factId: number | null;
  importId: number;
};

const SNAPSHOTS = ['2019-12-31', '2021-12-31', '2023-12-31', '2025-06-30'];
const IMPORTS: [source: string, fileName: string, asOf: string][] = [
  ['dpi', 'DKKD_NgheAn_2025-06-30.xlsx', '2025-06-30'],
  ...SNAPSHOTS.map((d): [string, string, string] => ['bhxh', `BHXH_NgheAn_T${d.slice(5, 7)}-${d.slice(0, 4)}.xlsx`, d]),
  ['bhxh', 'BHXH_NgheAn_T09-2025_bien-dong.xlsx', '2025-09-30'],
  ['dpi', 'DKKD_NgheAn_2025-10-31.xlsx', '2025-10-31'],
];
/** Officers' own counts: a survey of autumn 2025. */
const SURVEY_DAY = '2025-09-15';

export function buildFacts(lives: Life[], random: Random) {
  const imports: ImportRow[] = IMPORTS.map(([source, fileName, asOf], i) => ({
    id: i + 1,
    source,
    fileName,
    asOf,
    counts: {},
  }));
  const bhxh = (day: string) => imports.find((i) => i.source === 'bhxh' && i.asOf === day)?.id as number;
  const facts: FactRow[] = [];
  const conflicts: ConflictRow[] = [];
  const fact = (r: Omit<FactRow, 'id' | 'validTo' | 'note' | 'state'> & { state?: string; note?: string }) => {
    const row: FactRow = { id: facts.length + 1, validTo: null, note: null, state: 'effective', ...r };
    facts.push(row);
    return row;
  };
  const latest = new Map<number, { total: number; women: number; source: string }>();
  for (const life of lives) {
    const e = life.row;
    fact({
      enterpriseId: e.id,
      kind: 'status',
      observedOn: e.startedOn,
      workforceTotal: null,
      workforceWomen: null,
      status: 'operating',
      source: 'dpi',
      importId: 1,
    });
    if (life.closedOn)
      fact({
        enterpriseId: e.id,
        kind: 'status',
        observedOn: life.closedOn,
        workforceTotal: null,
        workforceWomen: null,
        status: life.closedAs,
        source: 'dpi',
        importId: 1,
      });
    // Micro enterprises often insure nobody: Social Insurance knows nothing of their size.
    if (life.size < 10 && random.chance(0.3)) continue;
    const growth = -0.06 + random.next() * 0.18;
    for (const day of SNAPSHOTS) {
      if (day < e.startedOn || (life.closedOn && day >= life.closedOn)) continue;
      const years = (Date.parse('2025-06-30') - Date.parse(day)) / (365.25 * 86_400_000);
      const total = Math.max(1, Math.round(life.size * (1 + growth) ** -years * (0.95 + random.next() * 0.1)));
      const women = Math.min(total, Math.round(total * life.womenShare));
      fact({
        enterpriseId: e.id,
        kind: 'workforce',
        observedOn: day,
        workforceTotal: total,
        workforceWomen: women,
        status: null,
        source: 'bhxh',
        importId: bhxh(day),
      });
      latest.set(e.id, { total, women, source: 'bhxh' });
    }
    if (life.covered && !life.closedOn && random.chance(0.06)) {
      const total = Math.max(1, Math.round(life.size * (0.95 + random.next() * 0.15)));
      const women = Math.min(total, Math.round(total * life.womenShare));
      fact({
        enterpriseId: e.id,
        kind: 'workforce',
        observedOn: SURVEY_DAY,
        workforceTotal: total,
        workforceWomen: women,
        status: null,
        source: 'manual',
        importId: null,
        note: 'Khảo sát doanh nghiệp quý III/2025',
      });
      latest.set(e.id, { total, women, source: 'manual' });
    }
  }
  plantConflicts(lives, random, latest, fact, conflicts);
  chain(facts);
  return { imports, facts, conflicts };
}

function plantConflicts(
  lives: Life[],
  random: Random,
  latest: Map<number, { total: number; women: number; source: string }>,
  fact: (r: Omit<FactRow, 'id' | 'validTo' | 'note' | 'state'> & { state?: string }) => FactRow,
  out: ConflictRow[],
) {
  const operating = lives.filter((l) => !l.closedOn && l.row.startedOn < '2025-06-30');
  // The counts below are for the province's ~11,000 enterprises; smaller demos get fewer.
  const share = (n: number) => Math.max(1, Math.round((n * lives.length) / 11_000));
  const picked = new Set<number>();
  const pick = (pool: Life[], n: number) =>
    random
      .shuffle(pool.filter((l) => !picked.has(l.row.id)))
      .slice(0, n)
      .map((l) => {
        picked.add(l.row.id);
        return l;
      });
  const lastBhxh = 6;
  const lastDpi = 7;
  const pending = (l: Life, total: number, kind: string) => {
    const was = latest.get(l.row.id);
    const women = Math.min(total, Math.round(total * l.womenShare));
    const f = fact({
      enterpriseId: l.row.id,
      kind: 'workforce',
      observedOn: '2025-09-30',
      workforceTotal: total,
      workforceWomen: women,
      status: null,
      source: 'bhxh',
      importId: lastBhxh,
      state: 'pending',
    });
    out.push({
      enterpriseId: l.row.id,
      kind,
      field: 'workforce',
      key: 'workforce:bhxh:2025-09-30',
      ourValue: { total: was?.total, women: was?.women },
      registerValue: { total, women },
      source: 'bhxh',
      asOf: '2025-09-30',
      factId: f.id,
      importId: lastBhxh,
    });
  };
  // Counts that contradict an officer's survey.
  for (const l of pick(
    operating.filter((x) => latest.get(x.row.id)?.source === 'manual'),
    share(12),
  ))
    pending(
      l,
      Math.max(1, Math.round((latest.get(l.row.id)?.total ?? 30) * (0.75 + random.next() * 0.15))),
      'manual_differs',
    );
  // Jumps: a merger, a mistaken match, a typo.
  for (const l of pick(
    operating.filter((x) => (latest.get(x.row.id)?.total ?? 0) >= 30),
    share(25),
  )) {
    const was = latest.get(l.row.id)?.total ?? 30;
    pending(
      l,
      Math.round(was * (random.chance(0.6) ? 1.8 + random.next() : 0.25 + random.next() * 0.15)),
      'workforce_jump',
    );
  }
  // Closures the business register knows of before we do.
  for (const l of pick(
    operating.filter((x) => (latest.get(x.row.id)?.total ?? 0) >= 25),
    share(15),
  )) {
    const status = random.chance(0.6) ? 'closed' : 'dissolving';
    const f = fact({
      enterpriseId: l.row.id,
      kind: 'status',
      observedOn: '2025-10-31',
      workforceTotal: null,
      workforceWomen: null,
      status,
      source: 'dpi',
      importId: lastDpi,
      state: 'pending',
    });
    out.push({
      enterpriseId: l.row.id,
      kind: 'business_closed',
      field: 'status',
      key: 'status:dpi:2025-10-31',
      ourValue: 'operating',
      registerValue: status,
      source: 'dpi',
      asOf: '2025-10-31',
      factId: f.id,
      importId: lastDpi,
    });
  }
  // Other names: an equitised company, a name registered anew.
  for (const l of pick(
    operating.filter((x) => /^Công ty TNHH /.test(x.row.name)),
    share(10),
  )) {
    const other = l.row.name.replace(/^Công ty TNHH (MTV |Một thành viên )?/, 'Công ty Cổ phần ');
    out.push({
      enterpriseId: l.row.id,
      kind: 'name_differs',
      field: 'name',
      key: `name:${fold(other)}`,
      ourValue: l.row.name,
      registerValue: other,
      source: 'dpi',
      asOf: '2025-10-31',
      factId: null,
      importId: lastDpi,
    });
  }
}

/** valid_to of each effective fact: the next effective fact's day (same kind, same enterprise). */
function chain(facts: FactRow[]) {
  const groups = new Map<string, FactRow[]>();
  for (const f of facts) {
    if (f.state !== 'effective') continue;
    const k = `${f.enterpriseId}|${f.kind}`;
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => (a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : 0));
    for (let i = 0; i < list.length - 1; i++) (list[i] as FactRow).validTo = (list[i + 1] as FactRow).observedOn;
  }
}
