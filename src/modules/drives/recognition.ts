import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { driveStageEvent, organisingDrive } from '../../db/schema/drives.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { formatViDate, todayVn } from '../../lib/dates.ts';
import { AppError, conflict, invalid } from '../../lib/errors.ts';
import { run, type Tx } from '../../lib/tx.ts';
import { admitApplicationIn } from '../applications/service.ts';
import * as enterpriseQ from '../enterprises/queries.ts';
import { admitIn } from '../members/service.ts';
import { createIn } from '../units/service.ts';
import { MIN_FOUNDERS, type RecogniseInput } from './schema.ts';
import { type DriveCaller, requireNotBefore, writableDrive } from './service.ts';

/**
 * The upper union recognises the new CĐCS: in one transaction the unit is founded under the union
 * that ran the drive, the enterprise gets its CĐCS, and the founders are admitted (from their
 * joining applications, or from the founding conference's list). Any failure leaves nothing behind.
 */
export async function recognise(db: Db, caller: DriveCaller, actor: Actor, id: number, input: RecogniseInput) {
  return db.transaction(async (tx) => {
    const drive = await writableDrive(tx, caller, id);
    requireNotBefore(drive.stageSince, input.onDate, 'onDate');
    if (input.onDate > todayVn())
      throw invalid([
        {
          field: 'onDate',
          vi: 'Ngày quyết định công nhận không thể sau hôm nay.',
          en: 'The recognition decision cannot be dated after today.',
        },
      ]);
    const founders = new Set(input.applicationIds).size + input.foundingMembers.length;
    if (founders < MIN_FOUNDERS)
      throw invalid([
        {
          field: 'foundingMembers',
          vi: `CĐCS được thành lập khi có ít nhất ${MIN_FOUNDERS} đoàn viên (Điều lệ Công đoàn Việt Nam); mới có ${founders}. Thêm đơn gia nhập hoặc người sáng lập.`,
          en: `A CĐCS needs at least ${MIN_FOUNDERS} founding members (VGCL Charter); there are ${founders}.`,
        },
      ]);
    const e = await enterpriseQ.selectOne(tx, drive.enterpriseId, input.onDate);
    if (e?.grassrootsId)
      throw conflict(
        'enterprise_has_union',
        `«${e.name}» đã có CĐCS «${e.grassrootsName}».`,
        `«${e.name}» already has a CĐCS («${e.grassrootsName}»).`,
      );
    const code = input.unitCode ?? (await nextGrassrootsCode(tx, drive.upperPath));
    const areaCode = e?.areaCode && (await areaExists(tx, e.areaCode)) ? e.areaCode : undefined;
    const unitId = await createIn(tx, caller.scope, actor, {
      code,
      name: input.unitName,
      type: 'grassroots_union',
      parentId: drive.upperUnionId,
      foundedOn: input.onDate,
      ...(areaCode ? { areaCode } : {}),
      reason: `Công nhận thành lập theo Quyết định số ${input.decisionNo} ngày ${formatViDate(input.onDate)}`,
    });
    await run(
      tx,
      sql`update enterprise set grassroots_unit_id = ${unitId}, updated_at = now() where id = ${drive.enterpriseId}`,
    );
    const admission = { unitId, onDate: input.onDate, decisionNo: input.decisionNo };
    const personIds: number[] = [];
    for (const [i, applicationId] of [...new Set(input.applicationIds)].entries())
      personIds.push(
        await located(`applicationIds.${i}`, () => admitApplicationIn(tx, caller, actor, applicationId, admission)),
      );
    for (const [i, person] of input.foundingMembers.entries())
      personIds.push(await located(`foundingMembers.${i}`, () => admitIn(tx, caller, actor, { person, ...admission })));
    await tx
      .update(organisingDrive)
      .set({
        status: 'recognised',
        stage: 'recognition',
        stageSince: input.onDate,
        closedOn: input.onDate,
        grassrootsUnitId: unitId,
      })
      .where(eq(organisingDrive.id, id));
    await tx.insert(driveStageEvent).values({
      driveId: id,
      stage: 'recognition',
      onDate: input.onDate,
      note: `Quyết định số ${input.decisionNo}: công nhận «${input.unitName}» (${code}), ${personIds.length} đoàn viên sáng lập.`,
      recordedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'drive.recognise',
      entityType: 'organising_drive',
      entityId: id,
      after: { unitId, code, decisionNo: input.decisionNo, onDate: input.onDate, founders: personIds.length },
    });
    return { unitId, code, founders: personIds.length };
  });
}

/** Runs one founder's admission; an error names which founder it was about. */
async function located<T>(where: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const n = Number(where.split('.')[1]) + 1;
    const problems = err.problems.length
      ? err.problems.map((p) => ({ ...p, field: `${where}.${p.field.replace(/^(person|applicant)\./, '')}` }))
      : [{ field: where, vi: err.vi, en: err.en }];
    throw new AppError(err.code, err.status, `Người sáng lập thứ ${n}: ${err.vi}`, `Founder ${n}: ${err.en}`, problems);
  }
}

async function areaExists(tx: Tx, code: string) {
  return (await run(tx, sql`select 1 from area where code = ${code} limit 1`)).rows.length > 0;
}

/**
 * The next CĐCS code under the province (or national sector union) above the running union:
 * its code + 'C' + five digits, as the demo and the docs lay out (docs/architecture.md).
 */
async function nextGrassrootsCode(tx: Tx, upperPath: string) {
  const ids = upperPath.split('.').map(Number);
  const res = await run<{ code: string; type: string; depth: number }>(
    tx,
    sql`select u.code, v.type, v.depth from unit u
        join unit_version v on v.unit_id = u.id and v.valid_to is null
        where u.id = any(${`{${ids.join(',')}}`}::bigint[]) order by v.depth desc`,
  );
  const anchor =
    res.rows.find((r) => r.type === 'provincial_federation' || /^TN\d{2}$/.test(r.code)) ?? res.rows.at(-1);
  const prefix = `${anchor?.code ?? ''}C`;
  const max = await run<{ n: number | null }>(
    tx,
    sql`select max(substr(code, ${prefix.length + 1})::int) as n from unit
        where code like ${`${prefix}%`} and substr(code, ${prefix.length + 1}) ~ '^[0-9]{5}$'`,
  );
  return `${prefix}${String((max.rows[0]?.n ?? 0) + 1).padStart(5, '0')}`;
}
