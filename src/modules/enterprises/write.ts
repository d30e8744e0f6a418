/** Writes to the register: one transaction each, with its audit row. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprise, enterpriseAssignment, enterpriseFact } from '../../db/schema/enterprises.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { formatViDate, todayVn } from '../../lib/dates.ts';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.ts';
import { parseTaxCode } from '../../lib/ids.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import { fold, sortKey } from '../../lib/vietnamese.ts';
import { rechain } from './facts.ts';
import * as q from './queries.ts';
import type { AssignInput, CreateInput, FactInput, PatchInput } from './schema.ts';
import { type Caller, ENTERPRISE, FROM_START, writablePath } from './service.ts';

const UNIT = { vi: 'đơn vị', en: 'unit' };
const NOT_UPPER = new Set(['union_section', 'union_team']);

async function requireWritable(tx: Conn, scope: Scope, id: number, which: 'anchor' | 'assignment' = 'anchor') {
  if (!(await q.inScopeEver(tx, scope, id))) throw notFound(ENTERPRISE, id);
  const path = await writablePath(tx, id, which);
  if (!path || !canWriteUnder(scope, path)) throw outOfScope();
}

/** An upper union an officer may put an enterprise in the charge of, today. */
async function requireUpperUnion(tx: Tx, scope: Scope, unitId: number, d: string, field: string) {
  const u = await q.selectUnitForCheck(tx, unitId, d);
  if (!u || !pathInScope(scope, u.path)) throw notFound(UNIT, unitId);
  if (u.isGrassroots || NOT_UPPER.has(u.type))
    throw invalid([
      {
        field,
        vi: `«${u.name}» là công đoàn cơ sở hoặc bộ phận, không phụ trách doanh nghiệp: chọn công đoàn cấp trên.`,
        en: `«${u.name}» is a grassroots union or a section, not an upper union: choose an upper union.`,
      },
    ]);
  if (!canWriteUnder(scope, u.path)) throw outOfScope();
  return u;
}

async function requireGrassroots(tx: Tx, scope: Scope, unitId: number, enterpriseId: number | null) {
  const u = await q.selectUnitForCheck(tx, unitId, todayVn());
  if (!u || !pathInScope(scope, u.path)) throw notFound(UNIT, unitId);
  if (!u.isGrassroots)
    throw invalid([
      {
        field: 'grassrootsUnitId',
        vi: `«${u.name}» không phải công đoàn cơ sở đang hoạt động.`,
        en: `«${u.name}» is not an operating grassroots union.`,
      },
    ]);
  if (!canWriteUnder(scope, u.path)) throw outOfScope();
  const taken = await run<{ id: number; name: string }>(
    tx,
    sql`select id, name from enterprise where grassroots_unit_id = ${unitId} and id is distinct from ${enterpriseId}`,
  );
  if (taken.rows[0])
    throw conflict(
      'grassroots_taken',
      `CĐCS «${u.name}» đã gắn với doanh nghiệp «${taken.rows[0].name}».`,
      `The CĐCS «${u.name}» is already linked to «${taken.rows[0].name}».`,
    );
}

function checkTaxCode(text: string) {
  const t = parseTaxCode(text);
  if (!t.ok)
    throw invalid([{ field: 'taxCode', vi: t.vi, en: t.en }], 'Mã số thuế không hợp lệ.', 'The tax code is not valid.');
  return t.value;
}

async function requireArea(tx: Tx, code: string | undefined, zoneId: number | undefined) {
  if (code) {
    const a = await run<{ code: string }>(tx, sql`select code from area where code = ${code}`);
    if (!a.rows[0])
      throw invalid([
        { field: 'areaCode', vi: `Không có địa bàn mã «${code}».`, en: `There is no area with code «${code}».` },
      ]);
  }
  if (zoneId) {
    const z = await run<{ id: number }>(tx, sql`select id from industrial_zone where id = ${zoneId}`);
    if (!z.rows[0])
      throw invalid([
        { field: 'industrialZoneId', vi: 'Không có khu công nghiệp này.', en: 'There is no such industrial zone.' },
      ]);
  }
}

const DESCRIPTIVE = [
  'name',
  'ownership',
  'industryCode',
  'industryName',
  'address',
  'areaCode',
  'industrialZoneId',
  'startedOn',
] as const;

export async function create(db: Db, caller: Caller, actor: Actor, input: CreateInput) {
  const taxCode = checkTaxCode(input.taxCode);
  const today = todayVn();
  return db.transaction(async (tx) => {
    const existing = await run<{ id: number }>(tx, sql`select id from enterprise where tax_code = ${taxCode}`);
    if (existing.rows[0]) {
      const seen = await q.inScopeEver(tx, caller.scope, existing.rows[0].id);
      throw new AppError(
        'tax_code_taken',
        409,
        `Mã số thuế ${taxCode} đã có trong sổ doanh nghiệp${seen ? ` (mã hồ sơ ${existing.rows[0].id})` : ', do đơn vị khác phụ trách'}.`,
        `Tax code ${taxCode} is already in the register${seen ? ` (record ${existing.rows[0].id})` : ', in the charge of another unit'}.`,
      );
    }
    await requireUpperUnion(tx, caller.scope, input.upperUnionId, today, 'upperUnionId');
    if (input.grassrootsUnitId) await requireGrassroots(tx, caller.scope, input.grassrootsUnitId, null);
    await requireArea(tx, input.areaCode, input.industrialZoneId);
    const sources = Object.fromEntries(DESCRIPTIVE.filter((f) => input[f] !== undefined).map((f) => [f, 'manual']));
    const [row] = await tx
      .insert(enterprise)
      .values({
        taxCode,
        name: input.name,
        nameFolded: fold(input.name),
        sortKey: sortKey(input.name),
        ownership: input.ownership,
        industryCode: input.industryCode ?? null,
        industryName: input.industryName ?? null,
        address: input.address ?? null,
        areaCode: input.areaCode ?? null,
        industrialZoneId: input.industrialZoneId ?? null,
        startedOn: input.startedOn ?? null,
        grassrootsUnitId: input.grassrootsUnitId ?? null,
        fieldSources: sources,
      })
      .returning({ id: enterprise.id });
    const id = row?.id as number;
    await tx
      .insert(enterpriseAssignment)
      .values({ enterpriseId: id, upperUnionId: input.upperUnionId, validFrom: FROM_START });
    const asOf = input.asOf ?? today;
    const facts: (typeof enterpriseFact.$inferInsert)[] = [
      {
        enterpriseId: id,
        kind: 'status',
        status: input.status ?? 'operating',
        observedOn: input.status ? asOf : (input.startedOn ?? asOf),
        source: 'manual',
        recordedBy: actor.id,
      },
    ];
    if (input.workforce)
      facts.push({
        enterpriseId: id,
        kind: 'workforce',
        workforceTotal: input.workforce.total,
        workforceWomen: input.workforce.women ?? null,
        observedOn: asOf,
        source: 'manual',
        recordedBy: actor.id,
      });
    await tx.insert(enterpriseFact).values(facts);
    await rechain(tx, [id]);
    await recordAudit(tx, actor, {
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: id,
      after: { ...input, taxCode },
    });
    return id;
  });
}

export async function update(db: Db, caller: Caller, actor: Actor, id: number, input: PatchInput) {
  return db.transaction(async (tx) => {
    await requireWritable(tx, caller.scope, id);
    const before = (await tx.select().from(enterprise).where(eq(enterprise.id, id)))[0];
    if (!before) throw notFound(ENTERPRISE, id);
    await requireArea(tx, input.areaCode, input.industrialZoneId);
    const set: Partial<typeof enterprise.$inferInsert> = { updatedAt: new Date() };
    const sources = { ...before.fieldSources };
    for (const f of DESCRIPTIVE) {
      const v = input[f];
      if (v === undefined || v === before[f]) continue;
      (set as Record<string, unknown>)[f] = v;
      sources[f] = 'manual';
    }
    if (set.name) {
      set.nameFolded = fold(set.name);
      set.sortKey = sortKey(set.name);
    }
    if (input.grassrootsUnitId !== undefined && input.grassrootsUnitId !== before.grassrootsUnitId) {
      // Linking or unlinking a CĐCS changes where the enterprise belongs: the upper union decides.
      await requireWritable(tx, caller.scope, id, 'assignment');
      if (input.grassrootsUnitId !== null) await requireGrassroots(tx, caller.scope, input.grassrootsUnitId, id);
      set.grassrootsUnitId = input.grassrootsUnitId;
    }
    set.fieldSources = sources;
    await tx.update(enterprise).set(set).where(eq(enterprise.id, id));
    await recordAudit(tx, actor, {
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      before,
      after: set,
    });
  });
}

/** An officer's own dated fact: it takes effect at once; a same-day entry of theirs is corrected. */
export async function recordFact(db: Db, caller: Caller, actor: Actor, id: number, input: FactInput) {
  return db.transaction(async (tx) => {
    await requireWritable(tx, caller.scope, id);
    const values =
      input.kind === 'workforce'
        ? { workforceTotal: input.total, workforceWomen: input.women ?? null, status: null }
        : { status: input.status, workforceTotal: null, workforceWomen: null };
    if (input.kind === 'workforce' && input.women !== undefined && input.women > input.total)
      throw invalid([
        {
          field: 'women',
          vi: 'Số lao động nữ không thể lớn hơn tổng số.',
          en: 'Women cannot outnumber the workforce.',
        },
      ]);
    const key = and(
      eq(enterpriseFact.enterpriseId, id),
      eq(enterpriseFact.kind, input.kind),
      eq(enterpriseFact.source, 'manual'),
      eq(enterpriseFact.observedOn, input.asOf),
    );
    const before = (await tx.select().from(enterpriseFact).where(key))[0];
    const row = {
      ...values,
      state: 'effective',
      note: input.note ?? null,
      recordedBy: actor.id,
      recordedAt: new Date(),
    };
    if (before) await tx.update(enterpriseFact).set(row).where(key);
    else
      await tx
        .insert(enterpriseFact)
        .values({ enterpriseId: id, kind: input.kind, observedOn: input.asOf, source: 'manual', ...row });
    await rechain(tx, [id]);
    await recordAudit(tx, actor, {
      action: `enterprise.fact.${input.kind}`,
      entityType: 'enterprise',
      entityId: id,
      before: before ?? null,
      after: input,
    });
  });
}

/** Puts the enterprise in another upper union's charge from a day on; the past stays as it was. */
export async function assign(db: Db, caller: Caller, actor: Actor, id: number, input: AssignInput) {
  return db.transaction(async (tx) => {
    await requireWritable(tx, caller.scope, id, 'assignment');
    await requireUpperUnion(tx, caller.scope, input.upperUnionId, input.onDate, 'upperUnionId');
    const open = (
      await tx
        .select()
        .from(enterpriseAssignment)
        .where(and(eq(enterpriseAssignment.enterpriseId, id), isNull(enterpriseAssignment.validTo)))
    )[0];
    if (open && input.onDate < open.validFrom)
      throw invalid([
        {
          field: 'onDate',
          vi: `Ngày phải từ ${formatViDate(open.validFrom)} trở đi: lịch sử phụ trách trước đó được giữ nguyên.`,
          en: `The day must be on or after ${open.validFrom}: the earlier history is kept as it was.`,
        },
      ]);
    if (open?.upperUnionId === input.upperUnionId)
      throw invalid([
        {
          field: 'upperUnionId',
          vi: 'Doanh nghiệp đã do đơn vị này phụ trách.',
          en: 'That unit is already in charge.',
        },
      ]);
    if (open && open.validFrom === input.onDate)
      await tx
        .update(enterpriseAssignment)
        .set({ upperUnionId: input.upperUnionId, reason: input.reason ?? null })
        .where(eq(enterpriseAssignment.id, open.id));
    else {
      if (open)
        await tx
          .update(enterpriseAssignment)
          .set({ validTo: input.onDate })
          .where(eq(enterpriseAssignment.id, open.id));
      await tx.insert(enterpriseAssignment).values({
        enterpriseId: id,
        upperUnionId: input.upperUnionId,
        validFrom: input.onDate,
        reason: input.reason ?? null,
      });
    }
    await recordAudit(tx, actor, {
      action: 'enterprise.assign',
      entityType: 'enterprise',
      entityId: id,
      before: open ?? null,
      after: input,
    });
  });
}
