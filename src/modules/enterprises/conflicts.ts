/**
 * Conflicts between an outside register and what we hold, and a person's decision on each:
 * accept the register's value, or keep ours. Until then our value stands.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprise, enterpriseConflict } from '../../db/schema/enterprises.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { formatViDate, todayVn } from '../../lib/dates.ts';
import { conflict, type Locale, notFound } from '../../lib/errors.ts';
import { canWriteUnder, inScope, outOfScope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { fold, sortKey } from '../../lib/vietnamese.ts';
import { rechain } from './facts.ts';
import { anchorJoins, anchorPath, inScopeEver } from './queries.ts';
import type { ConflictKind, ConflictQuery, ConflictView, RegisterSource, ResolveInput } from './schema.ts';
import { type Caller, visibleUnitPath, writablePath } from './service.ts';

const CONFLICT = { vi: 'xung đột dữ liệu', en: 'data conflict' };

export const SOURCE_NAMES: Record<RegisterSource, { vi: string; en: string }> = {
  dpi: { vi: 'Sở Kế hoạch và Đầu tư', en: 'the Department of Planning and Investment' },
  bhxh: { vi: 'Bảo hiểm xã hội', en: 'Social Insurance' },
};
export const STATUS_NAMES = {
  operating: { vi: 'Đang hoạt động', en: 'operating' },
  suspended: { vi: 'Tạm ngừng kinh doanh', en: 'suspended' },
  dissolving: { vi: 'Đang làm thủ tục giải thể / ngừng hoạt động', en: 'winding up' },
  closed: { vi: 'Đã giải thể, đóng mã số thuế', en: 'closed' },
} as const;
export const FIELD_NAMES: Record<string, { vi: string; en: string }> = {
  name: { vi: 'Tên doanh nghiệp', en: 'Name' },
  ownership: { vi: 'Loại hình sở hữu', en: 'Ownership' },
  industryCode: { vi: 'Mã ngành', en: 'Industry code' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  areaCode: { vi: 'Địa bàn', en: 'Area' },
  startedOn: { vi: 'Ngày bắt đầu hoạt động', en: 'Started on' },
  workforce: { vi: 'Số lao động', en: 'Workforce' },
  status: { vi: 'Tình trạng hoạt động', en: 'Status' },
};

type Raw = Omit<ConflictView, 'message'> & { factId: number | null };

function show(field: string, v: unknown, locale: Locale): string {
  if (v === null || v === undefined) return locale === 'vi' ? '(trống)' : '(empty)';
  if (field === 'workforce') {
    const w = v as { total: number; women?: number | null };
    return w.women != null ? `${w.total} (${locale === 'vi' ? 'nữ' : 'women'} ${w.women})` : String(w.total);
  }
  if (field === 'status') return STATUS_NAMES[v as keyof typeof STATUS_NAMES]?.[locale] ?? String(v);
  if (field === 'startedOn') return locale === 'vi' ? formatViDate(String(v)) : String(v);
  return String(v);
}

/** The conflict in words: what the register says, what we hold, and which matters. */
export function describe(
  c: Pick<Raw, 'kind' | 'field' | 'ourValue' | 'registerValue' | 'source' | 'asOf'>,
  locale: Locale,
) {
  const src = SOURCE_NAMES[c.source][locale];
  const reg = show(c.field, c.registerValue, locale);
  const ours = show(c.field, c.ourValue, locale);
  const day = locale === 'vi' ? formatViDate(c.asOf) : c.asOf;
  const field = FIELD_NAMES[c.field]?.[locale] ?? c.field;
  const vi: Record<ConflictKind, string> = {
    name_differs: `Tên theo ${src}: «${reg}»; tên đang lưu: «${ours}». Kiểm tra có đúng là một doanh nghiệp (cùng mã số thuế) không.`,
    business_closed: `${src} ghi tình trạng «${reg}» từ ${day}; sổ đang ghi «${ours}».`,
    workforce_jump: `Số lao động theo ${src} ngày ${day}: ${reg}; đang lưu ${ours}: thay đổi lớn bất thường.`,
    manual_differs: `${field} theo ${src} ngày ${day}: ${reg}; cán bộ đã nhập: ${ours}.`,
    field_differs: `${field} theo ${src}: «${reg}»; cán bộ đã nhập: «${ours}».`,
  };
  const en: Record<ConflictKind, string> = {
    name_differs: `Name per ${src}: «${reg}»; we hold «${ours}». Check that this is the same enterprise (same tax code).`,
    business_closed: `${src} records «${reg}» from ${day}; the register holds «${ours}».`,
    workforce_jump: `Workforce per ${src} on ${day}: ${reg}; we hold ${ours}: an unusually large change.`,
    manual_differs: `${field} per ${src} on ${day}: ${reg}; an officer entered ${ours}.`,
    field_differs: `${field} per ${src}: «${reg}»; an officer entered «${ours}».`,
  };
  return (locale === 'vi' ? vi : en)[c.kind];
}

const columns = sql.raw(`c.id, c.enterprise_id as "enterpriseId", e.name as "enterpriseName", e.tax_code as "taxCode",
  c.kind, c.field, c.our_value as "ourValue", c.register_value as "registerValue", c.source, c.as_of::text as "asOf",
  c.status, i.file_name as "importFile", c.fact_id as "factId",
  to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(c.resolved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "resolvedAt", c.resolution_note as "resolutionNote"`);

const view = (r: Raw, locale: Locale): ConflictView => {
  const { factId: _f, ...rest } = r;
  return { ...rest, message: describe(r, locale) };
};

export async function conflictsOf(db: Conn, enterpriseId: number, locale: Locale) {
  const res = await run<Raw>(
    db,
    sql`select ${columns} from enterprise_conflict c join enterprise e on e.id = c.enterprise_id
        left join enterprise_import i on i.id = c.import_id
        where c.enterprise_id = ${enterpriseId} order by c.status = 'open' desc, c.id desc`,
  );
  return res.rows.map((r) => view(r, locale));
}

/** Conflicts of enterprises anchored in the caller's scope today, newest first. */
export async function listConflicts(db: Db, caller: Caller, query: ConflictQuery, locale: Locale) {
  const d = todayVn();
  const conds = [inScope(caller.scope, anchorPath)];
  if (query.status !== 'all') conds.push(sql`c.status = ${query.status}`);
  if (query.kind) conds.push(sql`c.kind = ${query.kind}`);
  if (query.enterpriseId) conds.push(sql`c.enterprise_id = ${query.enterpriseId}`);
  if (query.after) conds.push(sql`c.id < ${query.after}`);
  if (query.under) {
    const v = await visibleUnitPath(db, caller.scope, query.under, d);
    conds.push(sql`${anchorPath} <@ ${v.path}::ltree`);
  }
  const res = await run<Raw>(
    db,
    sql`select ${columns} from enterprise_conflict c join enterprise e on e.id = c.enterprise_id
        left join enterprise_import i on i.id = c.import_id ${anchorJoins(d)}
        where ${sql.join(conds, sql` and `)} order by c.id desc limit ${query.limit + 1}`,
  );
  const page = res.rows.slice(0, query.limit);
  return {
    items: page.map((r) => view(r, locale)),
    next: res.rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export async function resolve(
  db: Db,
  caller: Caller,
  actor: Actor,
  id: number,
  input: ResolveInput,
  locale: Locale = 'vi',
): Promise<ConflictView> {
  const enterpriseId = await db.transaction(async (tx) => {
    const c = (await tx.select().from(enterpriseConflict).where(eq(enterpriseConflict.id, id)))[0];
    if (!c || !(await inScopeEver(tx, caller.scope, c.enterpriseId))) throw notFound(CONFLICT, id);
    const path = await writablePath(tx, c.enterpriseId);
    if (!path || !canWriteUnder(caller.scope, path)) throw outOfScope();
    if (c.status !== 'open')
      throw conflict(
        'already_resolved',
        'Xung đột này đã được xử lý; tải lại danh sách.',
        'This conflict has already been resolved; reload the list.',
      );
    const accept = input.decision === 'accept';
    if (c.factId !== null) {
      if (accept) {
        // The register's value now stands; an officer's entry of the same day steps aside.
        await tx.execute(sql`
          update enterprise_fact o set state = 'superseded' from enterprise_fact p
          where p.id = ${c.factId} and o.enterprise_id = p.enterprise_id and o.kind = p.kind
            and o.observed_on = p.observed_on and o.id <> p.id and o.state = 'effective'`);
      }
      await tx.execute(
        sql`update enterprise_fact set state = ${accept ? 'effective' : 'rejected'} where id = ${c.factId}`,
      );
      await rechain(tx, [c.enterpriseId]);
    } else if (accept) {
      const e = (await tx.select().from(enterprise).where(eq(enterprise.id, c.enterpriseId)))[0];
      const value = c.registerValue as string | number | null;
      const set: Record<string, unknown> = {
        [c.field]: value,
        fieldSources: { ...(e?.fieldSources ?? {}), [c.field]: c.source },
        updatedAt: new Date(),
      };
      if (c.field === 'name') {
        set.nameFolded = fold(String(value));
        set.sortKey = sortKey(String(value));
      }
      await tx.update(enterprise).set(set).where(eq(enterprise.id, c.enterpriseId));
    }
    await tx
      .update(enterpriseConflict)
      .set({
        status: accept ? 'accepted' : 'kept',
        resolvedBy: actor.id,
        resolvedAt: new Date(),
        resolutionNote: input.note ?? null,
      })
      .where(eq(enterpriseConflict.id, id));
    await recordAudit(tx, actor, {
      action: `enterprise.conflict.${input.decision}`,
      entityType: 'enterprise',
      entityId: c.enterpriseId,
      before: { conflictId: id, kind: c.kind, field: c.field, ours: c.ourValue },
      after: { register: c.registerValue, decision: input.decision, note: input.note ?? null },
    });
    return c.enterpriseId;
  });
  const resolved = (await conflictsOf(db, enterpriseId, locale)).find((x) => x.id === id);
  if (!resolved) throw notFound(CONFLICT, id);
  return resolved;
}
