import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { parseDay, todayVn } from '../../lib/dates.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { type Cell, cellDay, cellText, columnLetter, readSheet } from '../../lib/spreadsheet.ts';
import { run, type Tx } from '../../lib/tx.ts';
import { detectHeader, type Mapping, type MemberColumn } from './import-columns.ts';
import { type BatchRow, dropIndexForNow, type Outcome, registerSize, writeBatch } from './import-write.ts';
import { normalisePerson } from './person.ts';
import type { PersonInput } from './schema.ts';
import type { Caller } from './service.ts';
import { requireGrassrootsUnit } from './service.ts';

export type RowProblem = { row: number; column: string; header: string; vi: string; en: string };
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

type Columns = Partial<Record<MemberColumn, Mapping['columns'][number]>>;
/** Each field's column, looked up once per file rather than once per cell. */
const columnsOf = (mapping: Mapping): Columns =>
  Object.fromEntries(mapping.columns.filter((c) => c.field).map((c) => [c.field, c]));

// Text fields copied as they are (when not empty); the rest have rules of their own below.
const PLAIN: (MemberColumn & keyof PersonInput)[] = [
  'socialInsuranceNo',
  'phone',
  'email',
  'ethnicity',
  'religion',
  'address',
  'education',
  'occupation',
  'employerName',
];

/** One spreadsheet row to a person and an admission day, or the problems that stop it. */
function parseRow(cells: Cell[], rowNumber: number, columns: Columns, defaultDay: string) {
  const problems: RowProblem[] = [];
  const text = (f: MemberColumn) => {
    const c = columns[f];
    return c ? cellText(cells[c.index]) : '';
  };
  const problem = (f: MemberColumn, vi: string, en: string) => {
    const c = columns[f];
    problems.push({ row: rowNumber, column: c ? columnLetter(c.index) : '', header: c?.header ?? f, vi, en });
  };
  const day = (f: MemberColumn) => {
    const c = columns[f];
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
  const input: PersonInput = { fullName: text('fullName') };
  const birthDate = day('birthDate');
  if (birthDate) input.birthDate = birthDate;
  if (gender) input.gender = gender;
  if (citizenId) input.citizenId = citizenId;
  if (legacyIdNo) input.legacyIdNo = legacyIdNo;
  for (const f of PLAIN) {
    const v = text(f);
    if (v) (input as Record<string, unknown>)[f] = v;
  }
  const party = text('partyMember');
  if (party) input.partyMember = yes(party);
  const youth = text('youthUnionMember');
  if (youth) input.youthUnionMember = yes(youth);
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
  const parsed: BatchRow | null =
    fields && problems.length === 0
      ? { row: rowNumber, fields, admittedOn, decisionNo: text('decisionNo') || null }
      : null;
  return { problems, parsed };
}

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

const BATCH = 2000;
/** Rows written from which an import refreshes the planner's statistics. */
const LARGE = 10_000;

/**
 * Imports members into one CĐCS, streaming: rows are read, checked, matched and written a batch at
 * a time inside one transaction, so memory stays flat however long the file is; a batch is written
 * while the next one is read. At the end the transaction commits, or rolls back when this is a
 * preview (dryRun) or when take is 'all' and any row had a problem. Matching is by citizen ID, else
 * by name and birth date within the CĐCS, so importing the same file twice changes nothing.
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
    /**
     * The database is the embedded PGlite: nothing else reads while the import's transaction runs,
     * so a large import may rebuild the name-word index once instead of updating it row by row.
     */
    embedded?: boolean;
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
      // Statistics lag behind a large import, so the planner overrates each batch's cost and
      // PostgreSQL spent 1-3 s compiling it with JIT; a batch is index lookups, not analytics.
      await tx.execute(sql`set local jit = off`);
      const byName = await membersWithoutCitizenId(tx, opts.unitId);
      // On PGlite, once an import has added a quarter as many people as the register held (and at
      // least 5,000), the indexes the import does not read are dropped and built again at the end:
      // updating the name-word index cost ~85 µs a person there, rebuilding ~7 µs a word, and the
      // others together another 10% of the import. The transaction holds the only connection.
      const deferAt = opts.embedded ? Math.max(5000, (await registerSize(tx)) / 4) : Number.POSITIVE_INFINITY;
      const deferred: { rebuild?: () => Promise<void> } = {};
      const seen = new Set<string>();
      let mapping: Mapping | null = null;
      let columns: Columns = {};
      let scanned = 0;
      let batch: BatchRow[] = [];
      const badRows = new Set<number>();
      let bytes = [0, 0];
      // The batch being written: its SQL runs while the next batch is read and checked.
      let writing: Promise<void> = Promise.resolve();
      const write = async (rows: BatchRow[]) => {
        await writing;
        if (!deferred.rebuild && report.counts.new + rows.length >= deferAt) {
          const rebuilds: (() => Promise<void>)[] = [];
          for (const name of DEFERRED_INDEXES) rebuilds.push(await dropIndexForNow(tx, name));
          deferred.rebuild = async () => {
            for (const rebuild of rebuilds) await rebuild();
          };
        }
        writing = writeBatch(tx, opts.unitId, rows).then((outcomes) => tally(report, rows, outcomes));
        writing.catch(() => {}); // awaited at the next batch or at the end
      };
      try {
        for await (const row of readSheet(opts.data, opts.fileName, (read, total) => {
          bytes = [read, total];
        })) {
          if (!mapping) {
            mapping = detectHeader(row);
            if (mapping) {
              columns = columnsOf(mapping);
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
          const r = parseRow(row.cells, row.rowNumber, columns, today);
          for (const p of r.problems) {
            report.problems.push(p);
            badRows.add(p.row);
          }
          if (!r.parsed) continue;
          const key = keyOf(r.parsed.fields);
          if (seen.has(key)) {
            report.problems.push({
              row: r.parsed.row,
              column: '',
              header: '',
              vi: 'Trùng với một dòng phía trên (cùng CCCD hoặc cùng họ tên và ngày sinh).',
              en: 'Duplicates a row above (same citizen ID, or same name and birth date).',
            });
            report.counts.invalid++;
            continue;
          }
          seen.add(key);
          batch.push(r.parsed.fields.citizenId ? r.parsed : { ...r.parsed, personId: byName.get(key) });
          if (batch.length >= BATCH) {
            await write(batch);
            batch = [];
            opts.onProgress?.(report.rows, bytes[0] ?? 0, bytes[1] ?? 0);
          }
        }
        if (!mapping) throw noHeader(opts.fileName);
        await write(batch);
      } finally {
        await writing.catch(() => {}); // no query may outlive the transaction
      }
      await writing;
      opts.onProgress?.(report.rows, bytes[1] ?? 0, bytes[1] ?? 0);
      // (A rollback below brings the dropped index back by itself.)
      report.counts.invalid = badRows.size + report.counts.invalid;
      if (opts.dryRun || (opts.take === 'all' && report.problems.length > 0)) throw new Rollback();
      await deferred.rebuild?.();
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
  const large = report.committed && report.counts.new + report.counts.updated >= LARGE;
  // PGlite has no autovacuum: statistics, and the visibility map that lets search walk its index
  // without reading the table, are refreshed here (outside the transaction, as VACUUM must be).
  if (large && opts.embedded) await db.execute(sql`vacuum (analyze) person, membership, person_name_word`);
  // A large import changes what search plans should look like: on PostgreSQL fresh statistics are
  // taken at once, on another connection, without keeping the officer waiting (about a second at
  // 170,000 people, a tenth of the import); autovacuum would take them within minutes anyway.
  if (large && !opts.embedded)
    db.execute(sql`analyze person, membership, person_name_word`).catch((err: Error) => {
      console.warn(`Thống kê sau khi nhập chưa cập nhật được (statistics after an import): ${err.message}`);
    });
  report.problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return report;
}

/**
 * The indexes a large embedded import drops and builds again: all but those its own statements
 * read (person by citizen ID, memberships by person) and the primary keys.
 */
const DEFERRED_INDEXES = [
  'person_name_word_idx',
  'person_phone_idx',
  'person_sort_idx',
  'membership_unit_idx',
  'membership_open_unit_idx',
  'membership_valid_from_idx',
  'membership_birth_date_idx',
  'membership_event_person_idx',
];

/** Thrown to end the transaction without writing: a preview, or a file refused whole. */
class Rollback extends Error {}

const keyOf = (f: { citizenId: string | null; nameFolded: string; birthDate: string | null }) =>
  f.citizenId ?? `${f.nameFolded}|${f.birthDate ?? ''}`;

/** Members of this CĐCS without a citizen ID, by name and birth date: they are matched that way. */
async function membersWithoutCitizenId(tx: Tx, unitId: number) {
  const res = await run<{ id: number; nameFolded: string; birthDate: string | null }>(
    tx,
    sql`select p.id, p.name_folded as "nameFolded", p.birth_date::text as "birthDate"
        from person p join membership m on m.person_id = p.id and m.valid_to is null
        where p.citizen_id is null and m.unit_id = ${unitId} order by p.id desc`,
  );
  return new Map(res.rows.map((r) => [keyOf({ ...r, citizenId: null }), r.id]));
}

/** Counts a written batch's outcomes; a member of another CĐCS is a problem of its row. */
function tally(report: ImportReport, rows: BatchRow[], outcomes: Outcome[]) {
  rows.forEach((r, i) => {
    const o = outcomes[i];
    if (o === 'new') report.counts.new++;
    else if (o === 'updated' || o === 'reopened') report.counts.updated++;
    else if (o === 'unchanged') report.counts.unchanged++;
    else {
      report.problems.push({
        row: r.row,
        column: '',
        header: '',
        vi: 'Người này đang sinh hoạt ở một CĐCS khác: làm thủ tục chuyển sinh hoạt thay vì nhập.',
        en: 'This person is a member of another CĐCS: transfer them instead of importing.',
      });
      report.counts.invalid++;
    }
  });
}
