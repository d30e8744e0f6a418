import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { membership, membershipEvent, person } from '../../db/schema/members.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { parseDay, todayVn } from '../../lib/dates.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { type Cell, cellDay, cellText, columnLetter, readSheet } from '../../lib/spreadsheet.ts';
import { run, type Tx } from '../../lib/tx.ts';
import { detectHeader, type Mapping, type MemberColumn } from './import-columns.ts';
import { normalisePerson } from './person.ts';
import type { PersonInput } from './schema.ts';
import type { Caller } from './service.ts';
import { requireGrassrootsUnit } from './service.ts';

export type RowProblem = { row: number; column: string; header: string; vi: string; en: string };
type Parsed = {
  row: number;
  fields: ReturnType<typeof normalisePerson>;
  admittedOn: string;
  decisionNo: string | null;
};
export type ImportOutcome = 'new' | 'updated' | 'unchanged';

export type ImportReport = {
  fileName: string;
  headerRow: number | null;
  columns: { letter: string; header: string; field: MemberColumn | null }[];
  rows: number;
  counts: { new: number; updated: number; unchanged: number; invalid: number };
  problems: RowProblem[];
  committed: boolean;
};

const FIELD_OF_PROBLEM: Record<string, MemberColumn> = {
  'person.citizenId': 'citizenId',
  'person.legacyIdNo': 'legacyIdNo',
  'person.phone': 'phone',
  'person.socialInsuranceNo': 'socialInsuranceNo',
};

const yes = (t: string) => /^(x|co|có|1|true|yes|dv|đảng viên)$/i.test(t.trim());

/** One spreadsheet row to a person and an admission day, or the problems that stop it. */
function parseRow(cells: Cell[], rowNumber: number, mapping: Mapping, defaultDay: string) {
  const problems: RowProblem[] = [];
  const col = (f: MemberColumn) => mapping.columns.find((c) => c.field === f);
  const text = (f: MemberColumn) => {
    const c = col(f);
    return c ? cellText(cells[c.index]) : '';
  };
  const problem = (f: MemberColumn, vi: string, en: string) => {
    const c = col(f);
    problems.push({ row: rowNumber, column: c ? columnLetter(c.index) : '', header: c?.header ?? f, vi, en });
  };
  const day = (f: MemberColumn) => {
    const c = col(f);
    if (!c) return null;
    const raw = cells[c.index];
    const d = cellDay(raw, parseDay);
    if (raw !== null && raw !== undefined && cellText(raw) !== '' && !d)
      problem(
        f,
        `«${cellText(raw)}» không phải ngày hợp lệ: dùng dd/mm/yyyy.`,
        `«${cellText(raw)}» is not a valid date: use dd/mm/yyyy.`,
      );
    return d;
  };
  const g = text('gender').toLowerCase();
  const gender = /^(nam|male|m|trai)$/.test(g) ? 'male' : /^(nu|nữ|female|f|gai|gái)$/.test(g) ? 'female' : undefined;
  if (g && !gender)
    problem(
      'gender',
      `Giới tính «${text('gender')}»: ghi Nam hoặc Nữ.`,
      `Gender «${text('gender')}»: write Nam or Nữ.`,
    );
  let citizenId = text('citizenId');
  let legacyIdNo = text('legacyIdNo');
  // A "CMND/CCCD" column holds either: 8-9 digits are the old ID card.
  if (/^\d{8,9}$/.test(citizenId.replace(/\D/g, '')) && !legacyIdNo) [legacyIdNo, citizenId] = [citizenId, ''];
  const input: PersonInput = {
    fullName: text('fullName'),
    ...opt('birthDate', day('birthDate')),
    ...opt('gender', gender),
    ...opt('citizenId', citizenId),
    ...opt('legacyIdNo', legacyIdNo),
    ...opt('socialInsuranceNo', text('socialInsuranceNo')),
    ...opt('phone', text('phone')),
    ...opt('email', text('email')),
    ...opt('ethnicity', text('ethnicity')),
    ...opt('religion', text('religion')),
    ...opt('address', text('address')),
    ...opt('education', text('education')),
    ...opt('occupation', text('occupation')),
    ...opt('employerName', text('employerName')),
    ...(text('partyMember') ? { partyMember: yes(text('partyMember')) } : {}),
    ...(text('youthUnionMember') ? { youthUnionMember: yes(text('youthUnionMember')) } : {}),
  };
  if (input.fullName.length < 2) problem('fullName', 'Thiếu họ và tên.', 'The full name is missing.');
  const admittedOn = day('admittedOn') ?? defaultDay;
  // Every problem of the row at once, so the officer fixes the file in one pass.
  let fields: ReturnType<typeof normalisePerson> | null = null;
  try {
    fields = normalisePerson(input);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const p of err.problems) problem(FIELD_OF_PROBLEM[p.field] ?? 'fullName', p.vi, p.en);
  }
  const parsed =
    fields && problems.length === 0
      ? { row: rowNumber, fields, admittedOn, decisionNo: text('decisionNo') || null }
      : null;
  return { problems, parsed };
}

const opt = <K extends string, V>(k: K, v: V | '' | null | undefined) =>
  v === '' || v === null || v === undefined ? {} : { [k]: v };

/** Reads and checks a whole file: nothing is written. */
export async function previewMembers(data: Buffer, fileName: string, defaultDay = todayVn()) {
  let mapping: Mapping | null = null;
  const rows: Parsed[] = [];
  const problems: RowProblem[] = [];
  let scanned = 0;
  for await (const row of readSheet(data, fileName)) {
    if (!mapping) {
      mapping = detectHeader(row);
      if (!mapping && ++scanned >= 30) break;
      continue;
    }
    if (row.cells.every((c) => cellText(c) === '')) continue;
    const r = parseRow(row.cells, row.rowNumber, mapping, defaultDay);
    problems.push(...r.problems);
    if (r.parsed) rows.push(r.parsed);
  }
  if (!mapping)
    throw invalid(
      [
        {
          field: 'file',
          vi: 'Không thấy dòng tiêu đề có cột «Họ và tên» trong 30 dòng đầu.',
          en: 'No header row with a «Họ và tên» (full name) column in the first 30 rows.',
        },
      ],
      `Tệp «${fileName}» không có dòng tiêu đề nhận ra được. Cần ít nhất các cột «Họ và tên» và một cột khác như «Ngày sinh», «Số CCCD».`,
      `«${fileName}» has no header row we recognise. It needs a «Họ và tên» column and another such as «Ngày sinh» or «Số CCCD».`,
    );
  return { mapping, rows, problems };
}

/**
 * Imports members into one CĐCS. Matching is by citizen ID, else by name and birth date, so
 * importing the same file twice changes nothing. take 'all' commits only a file without problems;
 * 'valid' commits the good rows and reports the others. Either way: one transaction.
 */
export async function importMembers(
  db: Db,
  caller: Caller,
  actor: Actor,
  opts: {
    data: Buffer;
    fileName: string;
    unitId: number;
    take: 'all' | 'valid';
    dryRun: boolean;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportReport> {
  const { mapping, rows, problems } = await previewMembers(opts.data, opts.fileName);
  const report: ImportReport = {
    fileName: opts.fileName,
    headerRow: mapping.headerRow,
    columns: mapping.columns.map((c) => ({ letter: columnLetter(c.index), header: c.header, field: c.field })),
    rows: rows.length + new Set(problems.map((p) => p.row)).size,
    counts: { new: 0, updated: 0, unchanged: 0, invalid: new Set(problems.map((p) => p.row)).size },
    problems,
    committed: false,
  };
  const refuse = problems.length > 0 && opts.take === 'all';
  try {
    await db.transaction(async (tx) => {
      await requireGrassrootsUnit(tx, caller.scope, opts.unitId, todayVn(), 'unitId');
      const plan = await planRows(tx, rows, opts.unitId, report);
      if (refuse || opts.dryRun) throw new DryRun();
      await writePlan(tx, plan, opts.unitId, opts.onProgress);
      await recordAudit(tx, actor, {
        action: 'member.import',
        entityType: 'unit',
        entityId: opts.unitId,
        after: { fileName: opts.fileName, counts: report.counts, take: opts.take },
      });
      report.committed = true;
    });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return report;
}

class DryRun extends Error {}

type Plan = { fresh: Parsed[]; updates: { id: number; row: Parsed }[] };

/** Sorts rows into new, updated and unchanged against what the database holds. */
async function planRows(tx: Tx, rows: Parsed[], unitId: number, report: ImportReport): Promise<Plan> {
  const plan: Plan = { fresh: [], updates: [] };
  const ids = [...new Set(rows.map((r) => r.fields.citizenId).filter((v): v is string => !!v))];
  const existing = new Map<string, { id: number; unitId: number | null; data: string }>();
  const keyOf = (r: { citizenId: string | null; nameFolded: string; birthDate: string | null }) =>
    r.citizenId ?? `${r.nameFolded}|${r.birthDate ?? ''}`;
  const found = await run<{
    id: number;
    citizenId: string | null;
    nameFolded: string;
    birthDate: string | null;
    unitId: number | null;
    data: string;
  }>(
    tx,
    sql`select p.id, p.citizen_id as "citizenId", p.name_folded as "nameFolded", p.birth_date::text as "birthDate",
          m.unit_id as "unitId", row_to_json(p)::text as data
        from person p left join membership m on m.person_id = p.id and m.valid_to is null
        where p.citizen_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
          or (p.citizen_id is null and m.unit_id = ${unitId})`,
  );
  for (const f of found.rows) existing.set(keyOf(f), f);
  const seen = new Set<string>();
  for (const r of rows) {
    const key = keyOf(r.fields);
    if (seen.has(key)) {
      report.problems.push({
        row: r.row,
        column: '',
        header: '',
        vi: 'Trùng với một dòng phía trên (cùng CCCD hoặc cùng họ tên và ngày sinh).',
        en: 'Duplicates a row above (same citizen ID, or same name and birth date).',
      });
      report.counts.invalid++;
      continue;
    }
    seen.add(key);
    const e = existing.get(key);
    if (!e) {
      plan.fresh.push(r);
      report.counts.new++;
    } else if (e.unitId !== null && e.unitId !== unitId) {
      report.problems.push({
        row: r.row,
        column: '',
        header: '',
        vi: 'Người này đang sinh hoạt ở một CĐCS khác: làm thủ tục chuyển sinh hoạt thay vì nhập.',
        en: 'This person is a member of another CĐCS: transfer them instead of importing.',
      });
      report.counts.invalid++;
    } else if (differs(e.data, r.fields) || e.unitId === null) {
      plan.updates.push({ id: e.id, row: r });
      report.counts.updated++;
    } else report.counts.unchanged++;
  }
  return plan;
}

function differs(stored: string, fields: Record<string, unknown>) {
  const s = JSON.parse(stored) as Record<string, unknown>;
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return Object.entries(fields).some(([k, v]) => v !== null && String(s[snake(k)] ?? '') !== String(v));
}

async function writePlan(tx: Tx, plan: Plan, unitId: number, onProgress?: (done: number, total: number) => void) {
  const total = plan.fresh.length + plan.updates.length;
  let done = 0;
  for (let i = 0; i < plan.fresh.length; i += 1000) {
    const batch = plan.fresh.slice(i, i + 1000);
    const ids = await tx
      .insert(person)
      .values(batch.map((r) => r.fields))
      .returning({ id: person.id });
    const rows = batch.map((r, j) => ({ r, id: ids[j]?.id ?? 0 }));
    await tx
      .insert(membership)
      .values(rows.map(({ r, id }) => ({ personId: id, unitId, validFrom: r.admittedOn, startKind: 'import' })));
    await tx.insert(membershipEvent).values(
      rows.map(({ r, id }) => ({
        personId: id,
        kind: 'import',
        onDate: r.admittedOn,
        toUnitId: unitId,
        decisionNo: r.decisionNo,
      })),
    );
    done += batch.length;
    onProgress?.(done, total);
  }
  for (const u of plan.updates) {
    await tx
      .update(person)
      .set({ ...withoutNulls(u.row.fields), updatedAt: new Date() })
      .where(sql`${person.id} = ${u.id}`);
    const open = await run<{ n: number }>(
      tx,
      sql`select count(*)::int as n from membership where person_id = ${u.id} and valid_to is null`,
    );
    if ((open.rows[0]?.n ?? 0) === 0) {
      await tx.insert(membership).values({ personId: u.id, unitId, validFrom: u.row.admittedOn, startKind: 'import' });
      await tx
        .insert(membershipEvent)
        .values({ personId: u.id, kind: 'import', onDate: u.row.admittedOn, toUnitId: unitId });
    }
    done++;
    if (done % 1000 === 0) onProgress?.(done, total);
  }
  onProgress?.(total, total);
}

/** An import fills in and corrects; an empty cell never erases what an officer recorded. */
const withoutNulls = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Partial<T>;
