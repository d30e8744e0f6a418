/**
 * Merging a batch of extract rows into the register: match on tax code, create what is new, fill
 * in what is blank, and hold back as a conflict whatever contradicts an officer's value (or looks
 * like a closure or a workforce jump). Nothing an officer typed is overwritten here.
 */
import { sql } from 'drizzle-orm';
import { enterpriseConflict } from '../../db/schema/enterprises.ts';
import { canWriteUnder, type Scope } from '../../lib/scope.ts';
import { run, type Tx } from '../../lib/tx.ts';
import { fold, sortKey } from '../../lib/vietnamese.ts';
import { onDay } from '../units/queries.ts';
import { decideImported, type FactKind, rechain, valueKey, valuesAsOf } from './facts.ts';
import { ownershipFromName, sameName } from './import-columns.ts';
import type { Places } from './import-places.ts';
import type { ExtractRow, RowProblem } from './import-row.ts';
import {
  closeFacts,
  type EnterpriseValues,
  insertJson,
  restateFacts,
  sameKeyFacts,
  updateEnterprises,
} from './import-write.ts';
import { anchorJoins } from './queries.ts';
import type { RegisterSource } from './schema.ts';
import { FROM_START } from './service.ts';

export type Counts = {
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
  outOfScope: number;
  conflicts: number;
};

export type MergeContext = {
  tx: Tx;
  source: RegisterSource;
  scope: Scope;
  today: string;
  importId: number;
  defaultUnitId: number;
  places: Places;
  counts: Counts;
  problems: RowProblem[];
  nameColumn: { column: string; header: string };
  /** Paths of upper unions seen so far (for the scope check of new enterprises). */
  unitPaths: Map<number, string | null>;
};

type Existing = {
  id: number;
  taxCode: string;
  name: string;
  ownership: string;
  industryCode: string | null;
  industryName: string | null;
  address: string | null;
  areaCode: string | null;
  industrialZoneId: number | null;
  startedOn: string | null;
  fieldSources: Record<string, string>;
  anchor: string | null;
};

// Which descriptive fields an extract may fill, with the register that owns them.
const FIELDS = [
  'name',
  'ownership',
  'industryCode',
  'industryName',
  'address',
  'areaCode',
  'industrialZoneId',
  'startedOn',
] as const;
type Field = (typeof FIELDS)[number];

function registerValue(r: ExtractRow, f: Field): string | number | null {
  if (f === 'industrialZoneId') return r.zone?.id ?? null;
  return r[f];
}

type ConflictRow = typeof enterpriseConflict.$inferInsert;

export async function mergeBatch(ctx: MergeContext, rows: ExtractRow[]) {
  if (rows.length === 0) return;
  const { tx } = ctx;
  // The anchor (for the scope check) only when the caller's scope is limited.
  const found = await run<Existing>(
    tx,
    sql`select e.id, e.tax_code as "taxCode", e.name, e.ownership, e.industry_code as "industryCode",
          e.industry_name as "industryName", e.address, e.area_code as "areaCode",
          e.industrial_zone_id as "industrialZoneId", e.started_on::text as "startedOn",
          e.field_sources as "fieldSources", ${ctx.scope.all ? sql`null` : sql`coalesce(cv.path, av.path)::text`} as anchor
        from enterprise e ${ctx.scope.all ? sql`` : anchorJoins(ctx.today)}
        where e.tax_code = any(${`{${rows.map((r) => `"${r.taxCode}"`).join(',')}}`}::text[])`,
  );
  const byTax = new Map(found.rows.map((e) => [e.taxCode, e]));
  const mine: { r: ExtractRow; e: Existing }[] = [];
  const fresh: { r: ExtractRow; upper: number }[] = [];
  for (const r of rows) {
    const e = byTax.get(r.taxCode);
    if (e) {
      if (ctx.scope.all || (e.anchor !== null && canWriteUnder(ctx.scope, e.anchor))) mine.push({ r, e });
      else ctx.counts.outOfScope++;
      continue;
    }
    if (!r.name) {
      ctx.problems.push({
        row: r.row,
        ...ctx.nameColumn,
        vi: `Mã số thuế ${r.taxCode} chưa có trong sổ doanh nghiệp: cần tên doanh nghiệp để thêm mới.`,
        en: `Tax code ${r.taxCode} is not in the register yet: a name is needed to add it.`,
      });
      ctx.counts.invalid++;
      continue;
    }
    const upper = ctx.places.upperFor(r.areaCode, r.zone) ?? ctx.defaultUnitId;
    if (await writable(ctx, upper)) fresh.push({ r, upper });
    else ctx.counts.outOfScope++;
  }
  const changed = new Set<number>();
  const conflicts = await mergeFields(ctx, mine, changed);
  await mergeFacts(ctx, mine, changed, conflicts);
  await addFresh(ctx, fresh);
  if (conflicts.length > 0) {
    const raised = await tx
      .insert(enterpriseConflict)
      .values(conflicts)
      .onConflictDoNothing()
      .returning({ id: enterpriseConflict.id, enterpriseId: enterpriseConflict.enterpriseId });
    ctx.counts.conflicts += raised.length;
    for (const c of raised) changed.add(c.enterpriseId);
  }
  ctx.counts.updated += changed.size;
  ctx.counts.unchanged += mine.length - changed.size;
}

/** Descriptive fields of enterprises we hold: fill blanks, follow the business register, never overwrite an officer. */
async function mergeFields(ctx: MergeContext, mine: { r: ExtractRow; e: Existing }[], changed: Set<number>) {
  const { source } = ctx;
  const conflicts: ConflictRow[] = [];
  const updates: EnterpriseValues[] = [];
  for (const { r, e } of mine) {
    const next: Record<string, unknown> = { ...e };
    const sources = { ...e.fieldSources };
    let dirty = false;
    for (const f of FIELDS) {
      const v = registerValue(r, f);
      const ours = e[f];
      if (v === null || v === undefined || v === ours) continue;
      if (f === 'name' && sameName(String(v), String(ours))) continue;
      const key = f === 'name' ? `name:${fold(String(v))}` : `${f}:${String(v)}`;
      if (ours !== null && (f === 'name' || sources[f] === 'manual')) {
        // Raised once: the key is unique per enterprise, so an existing or decided one is skipped.
        conflicts.push({
          enterpriseId: e.id,
          kind: f === 'name' ? 'name_differs' : 'field_differs',
          field: f,
          key,
          ourValue: ours,
          registerValue: v,
          source,
          asOf: r.asOf,
          importId: ctx.importId,
        });
      } else if (ours === null || source === 'dpi') {
        // The business register owns descriptive data; Social Insurance only fills blanks.
        next[f] = v;
        sources[f] = source;
        dirty = true;
      }
    }
    if (!dirty) continue;
    const name = String(next.name);
    updates.push({
      id: e.id,
      name,
      name_folded: fold(name),
      sort_key: sortKey(name),
      ownership: String(next.ownership),
      industry_code: next.industryCode as string | null,
      industry_name: next.industryName as string | null,
      address: next.address as string | null,
      area_code: next.areaCode as string | null,
      industrial_zone_id: next.industrialZoneId as number | null,
      started_on: next.startedOn as string | null,
      field_sources: sources,
    });
    changed.add(e.id);
  }
  await updateEnterprises(ctx.tx, updates);
  return conflicts;
}

/**
 * Dated facts of enterprises we hold. A new effective fact is slotted in between the value it
 * follows (whose period now ends on its day) and the next fact, if any; two facts of one day from
 * different sources need the full re-derivation (rechain), which is rare.
 */
async function mergeFacts(
  ctx: MergeContext,
  mine: { r: ExtractRow; e: Existing }[],
  changed: Set<number>,
  conflicts: ConflictRow[],
) {
  const { tx, source } = ctx;
  const asks = mine.flatMap(({ r, e }) => factsOf(r).map((f) => ({ enterpriseId: e.id, kind: f.kind, day: r.asOf })));
  const same = await sameKeyFacts(tx, source, asks);
  // Only facts this source has not stated for that day need the value they would follow.
  const values = await valuesAsOf(
    tx,
    asks.filter((a) => !same.has(valueKey(a.enterpriseId, a.kind, a.day))),
  );
  const inserts: { row: Record<string, unknown>; conflict?: ConflictRow }[] = [];
  const closes: { id: number; valid_to: string }[] = [];
  const restated: Parameters<typeof restateFacts>[1] = [];
  const rechainIds = new Set<number>();
  for (const { r, e } of mine) {
    for (const f of factsOf(r)) {
      const k = valueKey(e.id, f.kind, r.asOf);
      const prior = same.get(k);
      if (prior) {
        const unchanged =
          prior.total === (f.total ?? null) &&
          prior.status === (f.status ?? null) &&
          (f.women == null || prior.women === f.women);
        // A corrected extract for the same day: the observation is restated, its decision kept.
        if (!unchanged) {
          restated.push({
            id: prior.id,
            workforce_total: f.total ?? null,
            workforce_women: f.women ?? null,
            status: f.status ?? null,
            import_id: ctx.importId,
          });
          changed.add(e.id);
        }
        continue;
      }
      const { current: now, next } = values.get(k) ?? { current: undefined, next: null };
      // The same value from the same source adds nothing; from another source it confirms ours.
      if (now && now.source === source && now.total === (f.total ?? null) && now.status === (f.status ?? null))
        continue;
      const decision = decideImported(f.kind, now, f);
      const effective = decision.state === 'effective';
      if (effective && now?.observedOn === r.asOf) rechainIds.add(e.id);
      else if (effective && now) closes.push({ id: now.id, valid_to: r.asOf });
      inserts.push({
        row: {
          enterprise_id: e.id,
          kind: f.kind,
          observed_on: r.asOf,
          valid_to: effective ? next : null,
          workforce_total: f.total ?? null,
          workforce_women: f.women ?? null,
          status: f.status ?? null,
          source,
          state: decision.state,
          import_id: ctx.importId,
        },
        ...(decision.state === 'pending'
          ? {
              conflict: {
                enterpriseId: e.id,
                kind: decision.conflict,
                field: f.kind,
                key: `${f.kind}:${source}:${r.asOf}`,
                ourValue: f.kind === 'workforce' ? { total: now?.total, women: now?.women } : (now?.status ?? null),
                registerValue: f.kind === 'workforce' ? { total: f.total, women: f.women ?? null } : f.status,
                source,
                asOf: r.asOf,
                importId: ctx.importId,
              },
            }
          : {}),
      });
      changed.add(e.id);
    }
  }
  await restateFacts(tx, restated);
  await closeFacts(tx, closes);
  const ids = await insertJson<{ id: number; enterpriseId: number; kind: string }>(
    tx,
    'enterprise_fact',
    inserts.map((i) => i.row),
    'id, enterprise_id as "enterpriseId", kind',
  );
  const idOf = new Map(ids.map((x) => [`${x.enterpriseId}|${x.kind}`, x.id]));
  for (const i of inserts)
    if (i.conflict)
      conflicts.push({ ...i.conflict, factId: idOf.get(`${i.conflict.enterpriseId}|${i.conflict.field}`) ?? null });
  await rechain(tx, [...rechainIds]);
}

/**
 * Enterprises new to the register, in the charge of the union of their zone or district, with
 * their assignment and first facts: one statement per batch from one compact JSON value (the
 * enterprise rows, their assignments and facts written by one INSERT each, joined on tax code),
 * so no ids travel back to be sent again. PGlite's driver measures and copies every parameter in
 * JavaScript; three full-key JSON values per batch cost it more than the inserts.
 */
async function addFresh(ctx: MergeContext, fresh: { r: ExtractRow; upper: number }[]) {
  if (fresh.length === 0) return;
  const { source } = ctx;
  const rows = fresh.map(({ r, upper }) => {
    const name = r.name as string;
    const sources = Object.fromEntries(FIELDS.filter((f) => registerValue(r, f) !== null).map((f) => [f, source]));
    const facts = factsOf(r);
    const status = facts.find((f) => f.kind === 'status')?.status ?? 'operating';
    const workforce = facts.find((f) => f.kind === 'workforce');
    return {
      t: r.taxCode,
      n: name,
      f: fold(name),
      k: sortKey(name),
      o: r.ownership ?? ownershipFromName(name),
      ic: r.industryCode,
      in: r.industryName,
      a: r.address,
      ar: r.areaCode,
      z: r.zone?.id ?? null,
      st: r.startedOn,
      fs: { ...sources, ownership: source },
      u: upper,
      d: r.asOf,
      // An enterprise listed by a register is taken to operate unless the list says otherwise; the
      // first status of a new enterprise holds from its registration, when known.
      s: status,
      so: r.startedOn && r.startedOn < r.asOf && status === 'operating' ? r.startedOn : r.asOf,
      wt: workforce?.total ?? null,
      ww: workforce?.women ?? null,
    };
  });
  const res = await run<{ n: number }>(
    ctx.tx,
    sql`with x as (select * from json_to_recordset(${JSON.stringify(rows)}::json)
          as x(t text, n text, f text, k text, o text, ic text, "in" text, a text, ar text, z bigint, st date,
               fs jsonb, u bigint, d date, s text, so date, wt int, ww int)),
      e as (insert into enterprise (tax_code, name, name_folded, sort_key, ownership, industry_code, industry_name,
              address, area_code, industrial_zone_id, started_on, field_sources)
            select t, n, f, k, o, ic, "in", a, ar, z, st, fs from x returning id, tax_code),
      ex as (select e.id, x.* from e join x on x.t = e.tax_code),
      a as (insert into enterprise_assignment (enterprise_id, upper_union_id, valid_from, reason)
            select id, u, ${FROM_START}::date, 'Nhập từ danh sách đăng ký' from ex),
      f as (insert into enterprise_fact (enterprise_id, kind, observed_on, workforce_total, workforce_women, status, source, import_id)
            select id, 'status', so, null, null, s, ${source}, ${ctx.importId}::bigint from ex
            union all
            select id, 'workforce', d, wt, ww, null, ${source}, ${ctx.importId}::bigint from ex where wt is not null)
      select count(*)::int as n from e`,
  );
  ctx.counts.new += res.rows[0]?.n ?? 0;
}

type ImportedFact = { kind: FactKind; total?: number; women?: number | null; status?: ExtractRow['status'] & string };

function factsOf(r: ExtractRow): ImportedFact[] {
  const out: ImportedFact[] = [];
  if (r.workforce !== null) out.push({ kind: 'workforce', total: r.workforce, women: r.women });
  if (r.status !== null) out.push({ kind: 'status', status: r.status });
  return out;
}

async function writable(ctx: MergeContext, unitId: number) {
  if (ctx.scope.all) return true;
  if (!ctx.unitPaths.has(unitId)) {
    const res = await run<{ path: string }>(
      ctx.tx,
      sql`select path::text as path from unit_version v where v.unit_id = ${unitId} and ${onDay('v', ctx.today)}`,
    );
    ctx.unitPaths.set(unitId, res.rows[0]?.path ?? null);
  }
  const path = ctx.unitPaths.get(unitId);
  return !!path && canWriteUnder(ctx.scope, path);
}
