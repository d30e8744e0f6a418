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

const noHeader = (fileName: string) =>
  invalid(
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

const BATCH = 1000;

/**
 * Imports members into one CĐCS, streaming: rows are read, checked, matched and written a batch at
 * a time inside one transaction, so memory stays flat however long the file is. At the end the
 * transaction commits, or rolls back when this is a preview (dryRun) or when take is 'all' and any
 * row had a problem. Matching is by citizen ID, else by name and birth date within the CĐCS, so
 * importing the same file twice changes nothing.
 */
export async function importMembers(
  db: Db,
  caller: Caller,
  actor: Actor,
  opts: {
    data: Buffer | string;
    fileName: string;
    unitId: number;
    take: 'all' | 'valid';
    dryRun: boolean;
    /** Rows read so far, and bytes read of the file's total: a progress bar without a first pass. */
    onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
  },
): Promise<ImportReport> {
  const report: ImportReport = {
    fileName: opts.fileName,
    headerRow: null,
    columns: [],
    rows: 0,
    counts: { new: 0, updated: 0, unchanged: 0, invalid: 0 },
    problems: [],
    committed: false,
  };
  const today = todayVn();
  try {
    await db.transaction(async (tx) => {
      await requireGrassrootsUnit(tx, caller.scope, opts.unitId, today, 'unitId');
      const matcher = await createMatcher(tx, opts.unitId);
      let mapping: Mapping | null = null;
      let scanned = 0;
      let batch: Parsed[] = [];
      const badRows = new Set<number>();
      let bytes = [0, 0];
      for await (const row of readSheet(opts.data, opts.fileName, (read, total) => {
        bytes = [read, total];
      })) {
        if (!mapping) {
          mapping = detectHeader(row);
          if (mapping) {
            report.headerRow = mapping.headerRow;
            report.columns = mapping.columns.map((c) => ({
              letter: columnLetter(c.index),
              header: c.header,
              field: c.field,
            }));
          } else if (++scanned >= 30) break;
          continue;
        }
        if (row.cells.every((c) => cellText(c) === '')) continue;
        report.rows++;
        const r = parseRow(row.cells, row.rowNumber, mapping, today);
        for (const p of r.problems) {
          report.problems.push(p);
          badRows.add(p.row);
        }
        if (r.parsed) batch.push(r.parsed);
        if (batch.length >= BATCH) {
          await writeBatch(tx, matcher, batch, opts.unitId, report);
          batch = [];
          opts.onProgress?.(report.rows, bytes[0] ?? 0, bytes[1] ?? 0);
        }
      }
      if (!mapping) throw noHeader(opts.fileName);
      await writeBatch(tx, matcher, batch, opts.unitId, report);
      opts.onProgress?.(report.rows, bytes[1] ?? 0, bytes[1] ?? 0);
      report.counts.invalid = badRows.size + report.counts.invalid;
      if (opts.dryRun || (opts.take === 'all' && report.problems.length > 0)) throw new Rollback();
      await recordAudit(tx, actor, {
        action: 'member.import',
        entityType: 'unit',
        entityId: opts.unitId,
        after: { fileName: opts.fileName, counts: report.counts, take: opts.take },
      });
      report.committed = true;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  report.problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return report;
}

/** Thrown to end the transaction without writing: a preview, or a file refused whole. */
class Rollback extends Error {}

type Existing = { id: number; unitId: number | null; data: string };
type Matcher = {
  keyOf: (f: Parsed['fields']) => string;
  seen: Set<string>;
  byKey: Map<string, Existing>;
  unitId: number;
};

const keyOf = (f: { citizenId: string | null; nameFolded: string; birthDate: string | null }) =>
  f.citizenId ?? `${f.nameFolded}|${f.birthDate ?? ''}`;

/** Members of this CĐCS without a citizen ID are matched by name and birth date: load them once. */
async function createMatcher(tx: Tx, unitId: number): Promise<Matcher> {
  const res = await run<Existing & { citizenId: string | null; nameFolded: string; birthDate: string | null }>(
    tx,
    sql`select p.id, p.citizen_id as "citizenId", p.name_folded as "nameFolded", p.birth_date::text as "birthDate",
          m.unit_id as "unitId", row_to_json(p)::text as data
        from person p join membership m on m.person_id = p.id and m.valid_to is null
        where p.citizen_id is null and m.unit_id = ${unitId}`,
  );
  return { keyOf, seen: new Set(), byKey: new Map(res.rows.map((r) => [keyOf(r), r])), unitId };
}

/** Matches one batch against the database (by citizen ID), then inserts and updates it. */
async function writeBatch(tx: Tx, matcher: Matcher, rows: Parsed[], unitId: number, report: ImportReport) {
  if (rows.length === 0) return;
  const ids = [...new Set(rows.map((r) => r.fields.citizenId).filter((v): v is string => !!v))];
  const found = await run<Existing & { citizenId: string }>(
    tx,
    sql`select p.id, p.citizen_id as "citizenId", m.unit_id as "unitId", row_to_json(p)::text as data
        from person p left join membership m on m.person_id = p.id and m.valid_to is null
        where p.citizen_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  const byId = new Map(found.rows.map((r) => [r.citizenId, r]));
  const fresh: Parsed[] = [];
  const updates: { id: number; row: Parsed; reopen: boolean }[] = [];
  for (const r of rows) {
    const key = keyOf(r.fields);
    if (matcher.seen.has(key)) {
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
    matcher.seen.add(key);
    const e = (r.fields.citizenId ? byId.get(r.fields.citizenId) : undefined) ?? matcher.byKey.get(key);
    if (!e) {
      fresh.push(r);
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
    } else if (e.unitId === null || differs(e.data, r.fields)) {
      updates.push({ id: e.id, row: r, reopen: e.unitId === null });
      report.counts.updated++;
    } else report.counts.unchanged++;
  }
  if (fresh.length > 0) {
    const inserted = await tx
      .insert(person)
      .values(fresh.map((r) => r.fields))
      .returning({ id: person.id });
    const pairs = fresh.map((r, j) => ({ r, id: inserted[j]?.id ?? 0 }));
    await tx
      .insert(membership)
      .values(pairs.map(({ r, id }) => ({ personId: id, unitId, validFrom: r.admittedOn, startKind: 'import' })));
    await tx.insert(membershipEvent).values(
      pairs.map(({ r, id }) => ({
        personId: id,
        kind: 'import',
        onDate: r.admittedOn,
        toUnitId: unitId,
        decisionNo: r.decisionNo,
      })),
    );
  }
  for (const u of updates) {
    await tx
      .update(person)
      .set({ ...withoutNulls(u.row.fields), updatedAt: new Date() })
      .where(sql`${person.id} = ${u.id}`);
    if (u.reopen) {
      await tx.insert(membership).values({ personId: u.id, unitId, validFrom: u.row.admittedOn, startKind: 'import' });
      await tx
        .insert(membershipEvent)
        .values({ personId: u.id, kind: 'import', onDate: u.row.admittedOn, toUnitId: unitId });
    }
  }
}

function differs(stored: string, fields: Record<string, unknown>) {
  const s = JSON.parse(stored) as Record<string, unknown>;
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return Object.entries(fields).some(([k, v]) => v !== null && String(s[snake(k)] ?? '') !== String(v));
}

/** An import fills in and corrects; an empty cell never erases what an officer recorded. */
const withoutNulls = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Partial<T>;
