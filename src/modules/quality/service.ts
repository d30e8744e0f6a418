import type { Db } from '../../db/client.ts';
import { todayVn } from '../../lib/dates.ts';
import type { Locale } from '../../lib/errors.ts';
import { notFound } from '../../lib/errors.ts';
import { pathInScope } from '../../lib/scope.ts';
import { maskId } from '../members/person.ts';
import { type Caller, seesIds } from '../members/service.ts';
import * as unitQ from '../units/queries.ts';
import * as q from './queries.ts';
import { type ProblemKind, problemKinds } from './schema.ts';

const FIX = {
  duplicate_citizen_id: 'review_duplicate',
  missing_citizen_id: 'edit_member',
  invalid_citizen_id: 'edit_member',
  invalid_phone: 'edit_member',
  member_of_ended_unit: 'transfer_member',
} as const;

const explain = (kind: ProblemKind, id: string | null, phone: string | null, unitName: string | null) =>
  ({
    duplicate_citizen_id: {
      vi: `CCCD ${id} cũng đang sinh hoạt ở một CĐCS khác: kiểm tra xem có phải cùng một người.`,
      en: `Citizen ID ${id} is also active in another CĐCS: check whether it is the same person.`,
    },
    missing_citizen_id: { vi: 'Chưa có số CCCD.', en: 'No citizen ID recorded.' },
    invalid_citizen_id: {
      vi: `CCCD ${id} sai cấu trúc (mã tỉnh, thế kỷ/giới tính hoặc năm sinh không khớp).`,
      en: `Citizen ID ${id} is malformed (province, century/gender or year digits do not match).`,
    },
    invalid_phone: {
      vi: `Số điện thoại ${phone} không phải số di động Việt Nam.`,
      en: `Phone ${phone} is not a Vietnamese mobile number.`,
    },
    member_of_ended_unit: {
      vi: `«${unitName}» đã giải thể nhưng đoàn viên vẫn sinh hoạt ở đó: chuyển sinh hoạt sang CĐCS khác.`,
      en: `«${unitName}» has been dissolved but the member still belongs to it: transfer them.`,
    },
  })[kind];

/** Data problems among the current members the caller may see, counted, and listed with a fix. */
export async function report(
  db: Db,
  caller: Caller,
  opts: { under?: number | undefined; kind?: ProblemKind | undefined; limit: number },
  locale: Locale,
) {
  let underPath: string | undefined;
  if (opts.under !== undefined) {
    const v = await unitQ.selectVersionForDay(db, opts.under, todayVn());
    if (!v || !pathInScope(caller.scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, opts.under);
    underPath = v.path;
  }
  const counts =
    (await q.countProblems(db, caller.scope, underPath)) ?? Object.fromEntries(problemKinds.map((k) => [k, 0]));
  const full = seesIds(caller);
  const items = [];
  for (const kind of opts.kind ? [opts.kind] : problemKinds) {
    for (const r of await q.listProblems(db, caller.scope, underPath, kind, opts.limit)) {
      const text = explain(
        kind,
        full ? r.citizenId : maskId(r.citizenId),
        full ? r.phone : maskId(r.phone),
        r.unitName,
      );
      items.push({
        kind,
        personId: r.personId,
        fullName: r.fullName,
        unitId: r.unitId,
        unitName: r.unitName,
        detail: text[locale],
        fix: FIX[kind],
      });
    }
  }
  return { counts: counts as Record<ProblemKind, number>, items };
}
