import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { membershipApplication } from '../../db/schema/applications.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.ts';
import { parseTaxCode } from '../../lib/ids.ts';
import { canWriteUnder, fullScope, inScope, outOfScope, pathInScope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import { compareVi, searchTerms } from '../../lib/vietnamese.ts';
import { normalisePerson } from '../members/person.ts';
import type { PersonInput } from '../members/schema.ts';
import { admitIn, type Caller } from '../members/service.ts';
import * as unitQ from '../units/queries.ts';
import * as q from './queries.ts';
import type { AppApplicationInput, Application, Place, SubmitInput } from './schema.ts';

const APPLICATION = { vi: 'đơn xin gia nhập', en: 'application' };

const columns = sql.raw(`a.id, a.tracking_code as "trackingCode", a.applicant_name as "applicantName", a.applicant,
  a.unit_id as "unitId", a.employer_name as "employerName", a.note, a.channel, a.status,
  a.submitted_at::text as "submittedAt", a.verified_at::text as "verifiedAt", a.decided_at::text as "decidedAt",
  a.decision_reason as "decisionReason", a.person_id as "personId",
  (select uv.name from unit_version uv where uv.unit_id = a.unit_id order by uv.valid_from desc limit 1) as "unitName"`);

/** A unit that receives applications must operate today and be visible to the caller. */
async function receivingUnit(db: Conn, caller: Caller, unitId: number) {
  const v = await unitQ.selectOpenVersion(db, unitId);
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
  return v;
}

/** Files an application (an officer on the worker's behalf; the member app will use the same). */
export async function submit(
  db: Db,
  caller: Caller,
  actor: Actor,
  input: SubmitInput,
  channel: 'officer' | 'app' = 'officer',
) {
  normalisePerson(input.applicant, 'applicant'); // refuse bad identifiers now, not at admission
  await receivingUnit(db, caller, input.unitId);
  return db.transaction(async (tx) => {
    const trackingCode = randomBytes(6).toString('base64url').toUpperCase();
    const [row] = await tx
      .insert(membershipApplication)
      .values({
        trackingCode,
        applicant: input.applicant,
        applicantName: input.applicant.fullName,
        unitId: input.unitId,
        employerName: input.employerName ?? null,
        note: input.note ?? null,
        channel,
      })
      .returning({ id: membershipApplication.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'application.submit',
      entityType: 'application',
      entityId: row.id,
      after: { unitId: input.unitId, applicantName: input.applicant.fullName },
    });
    return row.id;
  });
}

export async function list(
  db: Db,
  caller: Caller,
  opts: { status?: string | undefined; under?: number | undefined; limit: number },
) {
  let under = sql``;
  if (opts.under !== undefined) {
    const v = await receivingUnit(db, caller, opts.under);
    under = sql`and uv.path <@ ${v.path}::ltree`;
  }
  const res = await run<Application>(
    db,
    sql`select ${columns} from membership_application a
        join lateral (select * from unit_version u where u.unit_id = a.unit_id order by u.valid_from desc limit 1) uv on true
        where ${inScope(caller.scope, sql.raw('uv.path'))} ${under}
          ${opts.status ? sql`and a.status = ${opts.status}` : sql``}
        order by a.submitted_at desc, a.id desc limit ${opts.limit}`,
  );
  return res.rows;
}

export async function get(db: Conn, caller: Caller, id: number) {
  const res = await run<Application>(db, sql`select ${columns} from membership_application a where a.id = ${id}`);
  const a = res.rows[0];
  if (!a) throw notFound(APPLICATION, id);
  const v = await unitQ.selectVersionForDay(db, a.unitId, todayVn());
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound(APPLICATION, id);
  return { application: a, path: v.path };
}

async function decidable(tx: Tx, caller: Caller, id: number) {
  const { application, path } = await get(tx, caller, id);
  if (!canWriteUnder(caller.scope, path)) throw outOfScope();
  if (application.status === 'admitted' || application.status === 'rejected')
    throw conflict('application_decided', 'Đơn này đã được giải quyết.', 'This application has already been decided.');
  return application;
}

export async function verify(db: Db, caller: Caller, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    await decidable(tx, caller, id);
    await tx
      .update(membershipApplication)
      .set({ status: 'verified', verifiedAt: new Date() })
      .where(eq(membershipApplication.id, id));
    await recordAudit(tx, actor, { action: 'application.verify', entityType: 'application', entityId: id });
  });
}

/** Admits the applicant: the membership and the application's decision commit together. */
export async function admit(
  db: Db,
  caller: Caller,
  actor: Actor,
  id: number,
  input: { unitId?: number | undefined; onDate: string; decisionNo?: string | undefined },
) {
  return db.transaction((tx) => admitApplicationIn(tx, caller, actor, id, input));
}

/** The same inside the caller's transaction: a drive's recognition admits its founders with it. */
export async function admitApplicationIn(
  tx: Tx,
  caller: Caller,
  actor: Actor,
  id: number,
  input: { unitId?: number | undefined; onDate: string; decisionNo?: string | undefined },
) {
  const a = await decidable(tx, caller, id);
  const unitId = input.unitId ?? a.unitId;
  const personId = await admitIn(tx, caller, actor, {
    person: a.applicant as PersonInput,
    unitId,
    onDate: input.onDate,
    ...(input.decisionNo ? { decisionNo: input.decisionNo } : {}),
  });
  await tx
    .update(membershipApplication)
    .set({ status: 'admitted', decidedAt: new Date(), decidedBy: actor.id, personId })
    .where(eq(membershipApplication.id, id));
  await recordAudit(tx, actor, {
    action: 'application.admit',
    entityType: 'application',
    entityId: id,
    after: { personId, unitId },
  });
  return personId;
}

export async function reject(db: Db, caller: Caller, actor: Actor, id: number, reason: string) {
  await db.transaction(async (tx) => {
    await decidable(tx, caller, id);
    await tx
      .update(membershipApplication)
      .set({ status: 'rejected', decidedAt: new Date(), decidedBy: actor.id, decisionReason: reason })
      .where(eq(membershipApplication.id, id));
    await recordAudit(tx, actor, {
      action: 'application.reject',
      entityType: 'application',
      entityId: id,
      after: { reason },
    });
  });
}

export async function publicStatus(db: Db, trackingCode: string) {
  const res = await run<Application>(
    db,
    sql`select ${columns} from membership_application a where a.tracking_code = ${trackingCode.toUpperCase()}`,
  );
  const a = res.rows[0];
  if (!a)
    throw invalid([
      {
        field: 'trackingCode',
        vi: 'Không có đơn nào với mã theo dõi này: kiểm tra lại mã.',
        en: 'No application has this tracking code: check it.',
      },
    ]);
  return {
    status: a.status,
    unitName: a.unitName,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    decisionReason: a.decisionReason,
  };
}

// ---- the member app: a worker applies on their own (public) ----------------------------------

const PLACES_LIMIT = 20;

/** Workplaces a worker can pick: operating enterprises and CĐCS by name, enterprises by tax code. */
export async function places(db: Db, query: string): Promise<Place[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const digits = query.replace(/[\s.]/g, '');
  const tax = /^\d[\d-]{8,}$/.test(digits) ? parseTaxCode(digits) : undefined;
  const taxCode = tax?.ok ? tax.value : undefined;
  const d = todayVn();
  const [enterprises, unions] = await Promise.all([
    q.selectEnterprisePlaces(db, { terms, taxCode }, d, PLACES_LIMIT),
    taxCode ? [] : q.selectGrassrootsPlaces(db, terms, d, PLACES_LIMIT),
  ]);
  return [
    ...enterprises.map((r) => ({ kind: 'enterprise' as const, ...r })),
    ...unions.map((r) => ({ kind: 'grassroots_union' as const, ...r })),
  ]
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : compareVi(a.name, b.name)))
    .slice(0, PLACES_LIMIT)
    .map(({ sortKey: _s, ...p }) => p);
}

/** A public request files as the app: it may send to any unit, and the audit names the app. */
const APP_CALLER: Caller = { scope: fullScope, roles: [], id: null, username: 'app' };

const placeProblem = (field: string, vi: string, en: string) =>
  invalid(
    [{ field, vi, en }],
    'Nơi làm việc chưa đúng: xem trường bên dưới.',
    'The workplace is not valid: see below.',
  );

/**
 * Where a worker's own application goes: the CĐCS they picked; else their enterprise's CĐCS; else
 * the upper union in charge of the enterprise; else the province federation (the tree's root).
 */
async function routeApplication(db: Db, input: AppApplicationInput, d: string) {
  if (input.unitId !== undefined) {
    const cdcs = await q.selectOperatingGrassroots(db, input.unitId, d);
    if (!cdcs)
      throw placeProblem(
        'unitId',
        'Công đoàn cơ sở đã chọn không còn hoạt động hoặc không có: hãy tìm và chọn lại nơi làm việc.',
        'The chosen grassroots union no longer operates or does not exist: search and pick the workplace again.',
      );
    return { unitId: cdcs.id, employerName: input.employerName };
  }
  if (input.enterpriseId !== undefined) {
    const e = await q.selectEnterpriseRouting(db, input.enterpriseId, d);
    if (!e)
      throw placeProblem(
        'enterpriseId',
        'Không tìm thấy doanh nghiệp đã chọn: hãy tìm và chọn lại, hoặc nhập tên đơn vị sử dụng lao động.',
        'The chosen enterprise was not found: search and pick it again, or type the employer’s name.',
      );
    const unitId = e.grassrootsId ?? e.upperId ?? (await rootUnitId(db, d));
    return { unitId, employerName: input.employerName ?? e.name };
  }
  if (!input.employerName)
    throw placeProblem(
      'employerName',
      'Hãy chọn nơi làm việc trong danh sách, hoặc nhập tên đơn vị sử dụng lao động.',
      'Pick the workplace from the list, or type the employer’s name.',
    );
  return { unitId: await rootUnitId(db, d), employerName: input.employerName };
}

async function rootUnitId(db: Db, d: string) {
  const root = (await unitQ.selectRoots(db, d))[0];
  if (!root) throw new Error('no root unit operates today');
  return root.id;
}

/**
 * A worker applies in the member app. A filled honeypot field is refused without saying why; a CCCD
 * with an application still pending is refused with a hint of its tracking code.
 */
export async function submitFromApp(db: Db, input: AppApplicationInput, requestId?: string) {
  if (input.website && input.website.trim() !== '')
    throw new AppError(
      'bad_request',
      400,
      'Không gửi được đơn. Vui lòng tải lại trang rồi thử lại.',
      'The application could not be sent. Reload the page and try again.',
    );
  const fields = normalisePerson(input.applicant, 'applicant');
  const d = todayVn();
  const target = await routeApplication(db, input, d);
  const pending = fields.citizenId ? await q.selectPendingByCitizenId(db, fields.citizenId) : undefined;
  if (pending)
    throw conflict(
      'application_pending',
      `Số CCCD này đã có một đơn đang chờ xét (mã theo dõi kết thúc bằng …${pending.trackingCode.slice(-3)}). Hãy theo dõi đơn đó thay vì gửi đơn mới.`,
      `An application with this citizen ID is already pending (tracking code ending …${pending.trackingCode.slice(-3)}). Follow that one instead of sending a new one.`,
    );
  const applicant = {
    ...input.applicant,
    citizenId: fields.citizenId ?? input.applicant.citizenId,
    phone: fields.phone ?? input.applicant.phone,
  };
  const id = await submit(
    db,
    APP_CALLER,
    { id: null, name: 'app', requestId },
    {
      applicant,
      unitId: target.unitId,
      ...(target.employerName ? { employerName: target.employerName } : {}),
      ...(input.note ? { note: input.note } : {}),
    },
    'app',
  );
  const { application } = await get(db, APP_CALLER, id);
  return { trackingCode: application.trackingCode, unitName: application.unitName, status: application.status };
}
