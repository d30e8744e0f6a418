import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { area } from '../../db/schema/areas.ts';
import { unit, unitType, unitVersion } from '../../db/schema/units.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { addDays, formatViDate, todayVn } from '../../lib/dates.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { canWritePath, canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import type { Conn, Tx } from '../../lib/tx.ts';
import { fold, searchTerms, sortKey } from '../../lib/vietnamese.ts';
import * as q from './queries.ts';
import type { CreateUnitInput, DissolveUnitInput, UnitDetail, UpdateUnitInput } from './schema.ts';

export const UNIT = { vi: 'đơn vị', en: 'unit' };

/** The top units the caller can see on day d: the tree's root, or the units of their roles. */
export async function roots(db: Db, scope: Scope, d = todayVn()) {
  if (scope.all) return q.selectRoots(db, d);
  const units = await q.selectUnitsOnDay(db, scope, scope.readUnitIds, d);
  // A role unit inside another role's subtree is already reachable from that one.
  const ids = new Set(units.map((u) => u.id));
  const paths = await Promise.all(units.map((u) => q.selectVersionForDay(db, u.id, d)));
  return units.filter((_, i) => {
    const labels = (paths[i]?.path ?? '').split('.').map(Number).slice(0, -1);
    return !labels.some((l) => ids.has(l));
  });
}

export const children = (db: Db, scope: Scope, parentId: number, d = todayVn()) =>
  q.selectChildren(db, scope, parentId, d);

async function visibleVersion(db: Conn, scope: Scope, unitId: number, d: string) {
  const v = await q.selectVersionForDay(db, unitId, d);
  if (!v || !pathInScope(scope, v.path)) throw notFound(UNIT, unitId);
  return v;
}

export async function detail(db: Db, scope: Scope, unitId: number, d = todayVn()): Promise<UnitDetail> {
  const v = await visibleVersion(db, scope, unitId, d);
  // Shown as it stood on d, or on its last day if it had ended by then.
  // biome-ignore lint/complexity/useMathMinMax: these are ISO day strings, not numbers
  const day = v.validTo && v.validTo <= d ? addDays(v.validTo, -1) : v.validFrom > d ? v.validFrom : d;
  const ancestorIds = v.path.split('.').map(Number).slice(0, -1);
  const [names, counts, history, kids, areaRow] = await Promise.all([
    q.selectNamesOnDay(db, ancestorIds, day),
    q.countUnderPath(db, v.path, day),
    q.selectHistory(db, unitId),
    q.selectChildren(db, scope, unitId, day),
    v.areaCode ? db.select().from(area).where(eq(area.code, v.areaCode)).limit(1) : Promise.resolve([]),
  ]);
  const parentInfo = v.parentId !== null ? names.get(v.parentId) : undefined;
  const a = areaRow[0];
  return {
    id: v.unitId,
    code: v.code,
    name: v.name,
    shortName: v.shortName,
    type: v.type,
    parentId: v.parentId,
    areaCode: v.areaCode,
    depth: v.depth,
    foundedOn: v.foundedOn,
    dissolvedOn: v.dissolvedOn,
    childCount: kids.length,
    asOf: day,
    parent: v.parentId !== null && parentInfo ? { id: v.parentId, code: parentInfo.code, name: parentInfo.name } : null,
    area: a ? { code: a.code, name: a.name, level: a.level } : null,
    ancestors: ancestorIds.flatMap((id) => {
      const n = names.get(id);
      return n ? [{ id, name: n.name, type: n.type }] : [];
    }),
    countsByType: counts,
    totalUnder: counts.reduce((s, c) => s + c.count, 0),
    history: history.map((h) => ({
      validFrom: h.validFrom,
      validTo: h.validTo,
      parentId: h.parentId,
      parentName: h.parentName,
      name: h.name,
      type: h.type,
      areaCode: h.areaCode,
      changeReason: h.changeReason,
    })),
    canEdit: v.validTo === null && canWritePath(scope, v.path),
  };
}

export async function counts(db: Db, scope: Scope, unitId: number, d = todayVn()) {
  const v = await visibleVersion(db, scope, unitId, d);
  const byType = await q.countUnderPath(db, v.path, d);
  return { asOf: d, unitId, totalUnder: byType.reduce((s, c) => s + c.count, 0), byType };
}

export async function search(
  db: Db,
  scope: Scope,
  opts: {
    q?: string | undefined;
    type?: string | undefined;
    under?: number | undefined;
    limit: number;
    offset: number;
  },
  d = todayVn(),
) {
  let underPath: string | undefined;
  if (opts.under !== undefined) underPath = (await visibleVersion(db, scope, opts.under, d)).path;
  const terms = searchTerms(opts.q ?? '');
  const { total, rows } = await q.searchUnits(
    db,
    scope,
    { terms, type: opts.type, underPath },
    d,
    opts.limit,
    opts.offset,
  );
  const ancestorIds = [...new Set(rows.flatMap((r) => r.path.split('.').map(Number).slice(0, -1)))];
  const names = await q.selectNamesOnDay(db, ancestorIds, d);
  const items = rows.map(({ path, ...r }) => ({
    ...r,
    ancestry: path
      .split('.')
      .map(Number)
      .slice(0, -1)
      .flatMap((id) => names.get(id)?.name ?? []),
  }));
  return { asOf: d, total, items };
}

const OFFICER_ROLES = new Set(['system_admin', 'federation_officer', 'upper_union_officer', 'grassroots_officer']);

/**
 * CĐCS names across the whole tree, for officers choosing where a member transfers to. Names and
 * codes of units are not personal data; the rest of a unit outside scope stays hidden.
 */
export async function directory(caller: { roles: { role: string }[] }, db: Db, text: string, limit: number) {
  if (!caller.roles.some((r) => OFFICER_ROLES.has(r.role)))
    throw forbidden(
      'Chỉ cán bộ công đoàn được tra cứu danh bạ CĐCS.',
      'Only union officers may look up the directory of grassroots unions.',
    );
  return q.selectGrassrootsDirectory(db, searchTerms(text), todayVn(), limit);
}

// ---- writes: each is one transaction with its audit rows ----------------------------------------

async function requireType(tx: Tx, code: string, field: string) {
  const rows = await tx.select().from(unitType).where(eq(unitType.code, code));
  if (rows.length === 0)
    throw invalid([
      {
        field,
        vi: `Loại đơn vị «${code}» không có trong danh mục. Xem danh sách tại /api/v1/unit-types.`,
        en: `Unit type «${code}» is not in the list. See /api/v1/unit-types.`,
      },
    ]);
}

async function requireArea(tx: Tx, code: string | null | undefined, field: string) {
  if (!code) return;
  const rows = await tx.select({ code: area.code }).from(area).where(eq(area.code, code));
  if (rows.length === 0)
    throw invalid([
      {
        field,
        vi: `Mã địa bàn «${code}» không có trong danh mục hành chính.`,
        en: `Area code «${code}» is not in the administrative list.`,
      },
    ]);
}

/** History is appended, never rewritten: a change must not predate the unit's current version. */
export function requireNotBefore(open: q.VersionRow, d: string, field: string) {
  if (d < open.validFrom)
    throw invalid([
      {
        field,
        vi: `Ngày hiệu lực phải từ ${formatViDate(open.validFrom)} trở đi: «${open.name}» đã có thay đổi từ ngày đó.`,
        en: `The effective date must be on or after ${open.validFrom}: «${open.name}» changed on that day.`,
      },
    ]);
}

export async function openVersionOrFail(tx: Conn, unitId: number) {
  const v = await q.selectOpenVersion(tx, unitId);
  if (!v)
    throw conflict(
      'unit_not_operating',
      `Đơn vị #${unitId} không còn hoạt động (đã giải thể hoặc không tồn tại).`,
      `Unit #${unitId} is not operating (dissolved or unknown).`,
    );
  return v;
}

export async function create(db: Db, scope: Scope, actor: Actor, input: CreateUnitInput) {
  return db.transaction((tx) => createIn(tx, scope, actor, input));
}

/** Founds a unit inside the caller's transaction (a drive's recognition founds its CĐCS with it). */
export async function createIn(tx: Tx, scope: Scope, actor: Actor, input: CreateUnitInput) {
  const parent = await openVersionOrFail(tx, input.parentId);
  if (!pathInScope(scope, parent.path)) throw notFound(UNIT, input.parentId);
  if (!canWriteUnder(scope, parent.path)) throw outOfScope();
  requireNotBefore(parent, input.foundedOn, 'foundedOn');
  await requireType(tx, input.type, 'type');
  await requireArea(tx, input.areaCode, 'areaCode');
  const dup = await tx.select({ id: unit.id }).from(unit).where(eq(unit.code, input.code));
  if (dup.length > 0)
    throw invalid([
      {
        field: 'code',
        vi: `Mã đơn vị «${input.code}» đã được dùng. Chọn mã khác.`,
        en: `Unit code «${input.code}» is taken. Choose another.`,
      },
    ]);
  const [created] = await tx
    .insert(unit)
    .values({ code: input.code, foundedOn: input.foundedOn })
    .returning({ id: unit.id });
  if (!created) throw new Error('insert returned nothing');
  const version = {
    unitId: created.id,
    validFrom: input.foundedOn,
    parentId: input.parentId,
    type: input.type,
    name: input.name,
    nameFolded: fold(input.name),
    sortKey: sortKey(input.name),
    shortName: input.shortName ?? null,
    areaCode: input.areaCode ?? null,
    path: `${parent.path}.${created.id}`,
    depth: parent.depth + 1,
    changeReason: input.reason ?? 'Thành lập',
  };
  await tx.insert(unitVersion).values(version);
  await recordAudit(tx, actor, {
    action: 'unit.create',
    entityType: 'unit',
    entityId: created.id,
    after: { code: input.code, ...version },
  });
  return created.id;
}

/** Starts a tree: a unit with no parent (installation, tests; not offered over HTTP). */
export async function createRoot(db: Db, actor: Actor, input: Omit<CreateUnitInput, 'parentId'>) {
  return db.transaction(async (tx) => {
    await requireType(tx, input.type, 'type');
    const [created] = await tx
      .insert(unit)
      .values({ code: input.code, foundedOn: input.foundedOn })
      .returning({ id: unit.id });
    if (!created) throw new Error('insert returned nothing');
    const version = {
      unitId: created.id,
      validFrom: input.foundedOn,
      type: input.type,
      name: input.name,
      nameFolded: fold(input.name),
      sortKey: sortKey(input.name),
      areaCode: input.areaCode ?? null,
      path: String(created.id),
      depth: 0,
      changeReason: input.reason ?? 'Thành lập',
    };
    await tx.insert(unitVersion).values(version);
    await recordAudit(tx, actor, { action: 'unit.create', entityType: 'unit', entityId: created.id, after: version });
    return created.id;
  });
}

export async function update(db: Db, scope: Scope, actor: Actor, unitId: number, input: UpdateUnitInput) {
  return db.transaction(async (tx) => {
    const open = await openVersionOrFail(tx, unitId);
    if (!pathInScope(scope, open.path)) throw notFound(UNIT, unitId);
    if (!canWritePath(scope, open.path)) throw outOfScope();
    requireNotBefore(open, input.effectiveOn, 'effectiveOn');
    if (input.type) await requireType(tx, input.type, 'type');
    if (input.areaCode) await requireArea(tx, input.areaCode, 'areaCode');
    const name = input.name ?? open.name;
    const changes = {
      name,
      nameFolded: fold(name),
      sortKey: sortKey(name),
      shortName: input.shortName === undefined ? open.shortName : input.shortName,
      type: input.type ?? open.type,
      areaCode: input.areaCode === undefined ? open.areaCode : input.areaCode,
      changeReason: input.reason ?? 'Thay đổi thông tin',
    };
    if (input.effectiveOn === open.validFrom) {
      // Same day as the current version began: a correction of that version, not a new period.
      await tx.update(unitVersion).set(changes).where(eq(unitVersion.id, open.versionId));
    } else {
      await tx.update(unitVersion).set({ validTo: input.effectiveOn }).where(eq(unitVersion.id, open.versionId));
      await tx.insert(unitVersion).values({
        unitId,
        validFrom: input.effectiveOn,
        parentId: open.parentId,
        path: open.path,
        depth: open.depth,
        ...changes,
      });
    }
    await recordAudit(tx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: unitId,
      before: { name: open.name, shortName: open.shortName, type: open.type, areaCode: open.areaCode },
      after: { effectiveOn: input.effectiveOn, ...changes },
    });
  });
}

export async function dissolve(db: Db, scope: Scope, actor: Actor, unitId: number, input: DissolveUnitInput) {
  return db.transaction(async (tx) => {
    const open = await openVersionOrFail(tx, unitId);
    if (!pathInScope(scope, open.path)) throw notFound(UNIT, unitId);
    if (!canWritePath(scope, open.path)) throw outOfScope();
    // The last period must keep at least one day: a unit cannot end the day its version began.
    requireNotBefore({ ...open, validFrom: addDays(open.validFrom, 1) }, input.effectiveOn, 'effectiveOn');
    const subtree = await q.selectOpenSubtree(tx, open.path);
    const below = subtree.length - 1;
    if (below > 0)
      throw new AppError(
        'unit_has_children',
        409,
        `«${open.name}» còn ${below} đơn vị trực thuộc đang hoạt động. Chuyển hoặc giải thể các đơn vị đó trước.`,
        `«${open.name}» still has ${below} operating sub-units. Move or dissolve them first.`,
      );
    await tx
      .update(unitVersion)
      .set({ validTo: input.effectiveOn })
      .where(and(eq(unitVersion.unitId, unitId), isNull(unitVersion.validTo)));
    await tx.update(unit).set({ dissolvedOn: input.effectiveOn }).where(eq(unit.id, unitId));
    await recordAudit(tx, actor, {
      action: 'unit.dissolve',
      entityType: 'unit',
      entityId: unitId,
      before: { name: open.name, parentId: open.parentId },
      after: { dissolvedOn: input.effectiveOn, reason: input.reason ?? null },
    });
  });
}

export const listTypes = (db: Db) => db.select().from(unitType).orderBy(unitType.sortOrder);

// Used by the CLI and seed to keep the identity sequence past explicitly set ids.
export const syncUnitIdSequence = (db: Conn) =>
  db.execute(sql`select setval(pg_get_serial_sequence('unit', 'id'), greatest((select max(id) from unit), 1))`);
