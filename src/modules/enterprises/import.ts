/**
 * Import of an outside register's extract (.xlsx/.csv), streaming: rows are read, checked and
 * merged a batch at a time inside one transaction, which commits at the end, or rolls back for a
 * preview or when take is 'all' and a row had a problem. Matching is on tax code, and every fact
 * and conflict remembers its source and this import, so importing the same file again changes
 * nothing and raises nothing new.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterpriseImport } from '../../db/schema/enterprises.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { invalid } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope } from '../../lib/scope.ts';
import { cellText, columnLetter, readSheet } from '../../lib/spreadsheet.ts';
import { run, type Tx } from '../../lib/tx.ts';
import { absorbSubHeader, detectHeader, type ExtractColumn, type Mapping } from './import-columns.ts';
import { type Counts, mergeBatch } from './import-merge.ts';
import { loadPlaces } from './import-places.ts';
import { type ExtractRow, parseExtractRow, type RowProblem } from './import-row.ts';
import type { RegisterSource } from './schema.ts';
import type { Caller } from './service.ts';

export type ImportReport = {
  fileName: string;
  source: RegisterSource;
  asOf: string;
  headerRow: number | null;
  columns: { letter: string; header: string; field: ExtractColumn | null }[];
  rows: number;
  counts: Counts;
  problems: RowProblem[];
  /** Not blocking: a commune or zone that could not be placed, a legal form not recognised. */
  warnings: RowProblem[];
  committed: boolean;
  importId: number | null;
  /** The conflicts the file raises (the first 200), so a preview shows what a person will decide. */
  conflicts: ConflictPreview[];
};

export type ConflictPreview = {
  taxCode: string;
  name: string;
  kind: string;
  field: string;
  ourValue: unknown;
  registerValue: unknown;
};

const BATCH = 1000;

class Rollback extends Error {}

/** New enterprises past which an import is a bulk load (see suspendNameIndex). */
const BULK_NEW = 5_000;

/**
 * A bulk load (a whole register's first extract) keeps the trigram index of names up to date row
 * by row at about half of its time; past BULK_NEW new enterprises the index is dropped inside the
 * transaction and rebuilt once before the commit. Readers of the register wait for the import's
 * end meanwhile (the drop locks the table): the price of a load, not of an ordinary extract.
 * Returns the statement that rebuilds the index.
 */
async function suspendNameIndex(tx: Tx): Promise<string | null> {
  const res = await run<{ def: string }>(
    tx,
    sql`select indexdef as def from pg_indexes where schemaname = current_schema() and indexname = 'enterprise_name_trgm'`,
  );
  const def = res.rows[0]?.def;
  if (!def) return null;
  await tx.execute(sql`drop index enterprise_name_trgm`);
  return def;
}

const noHeader = (fileName: string) =>
  invalid(
    [
      {
        field: 'file',
        vi: 'Không thấy dòng tiêu đề có cột «Mã số thuế» (hoặc «Mã số doanh nghiệp») trong 30 dòng đầu.',
        en: 'No header row with a «Mã số thuế» (tax code) column in the first 30 rows.',
      },
    ],
    `Tệp «${fileName}» không có dòng tiêu đề nhận ra được. Cần cột «Mã số thuế» và ít nhất một cột khác như «Tên doanh nghiệp», «Số lao động».`,
    `«${fileName}» has no header row we recognise. It needs a «Mã số thuế» column and another such as «Tên doanh nghiệp» or «Số lao động».`,
  );

/** The unit new enterprises go to when their place names no union: given, or the caller's own. */
async function defaultUnit(db: Db, caller: Caller, unitId: number | undefined, d: string) {
  let id = unitId;
  if (id === undefined && !caller.scope.all) id = caller.scope.writeUnitIds[0];
  if (id === undefined) {
    const root = await run<{ id: number }>(
      db,
      sql`select unit_id as id from unit_version v where v.type = 'provincial_federation' and v.valid_from <= ${d}::date
          and (v.valid_to is null or v.valid_to > ${d}::date) order by unit_id limit 2`,
    );
    if (root.rows.length !== 1)
      throw invalid([
        {
          field: 'unitId',
          vi: 'Chọn đơn vị nhận các doanh nghiệp mới (công đoàn cấp trên).',
          en: 'Choose the unit that takes charge of new enterprises (an upper union).',
        },
      ]);
    id = (root.rows[0] as { id: number }).id;
  }
  const v = await run<{ path: string }>(
    db,
    sql`select path::text as path from unit_version v where v.unit_id = ${id} and v.valid_from <= ${d}::date
        and (v.valid_to is null or v.valid_to > ${d}::date)`,
  );
  const path = v.rows[0]?.path;
  if (!path || !pathInScope(caller.scope, path))
    throw invalid([{ field: 'unitId', vi: `Không có đơn vị «${id}».`, en: `There is no unit «${id}».` }]);
  if (!canWriteUnder(caller.scope, path)) throw outOfScope();
  return id;
}

export async function importExtract(
  db: Db,
  caller: Caller,
  actor: Actor,
  opts: {
    data: Buffer | string;
    fileName: string;
    source: RegisterSource;
    /** The day the extract speaks of, unless a column gives it per row; default today. */
    asOf?: string | undefined;
    unitId?: number | undefined;
    take: 'all' | 'valid';
    dryRun: boolean;
    onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
  },
): Promise<ImportReport> {
  const today = todayVn();
  const asOf = opts.asOf ?? today;
  const counts: Counts = { new: 0, updated: 0, unchanged: 0, invalid: 0, outOfScope: 0, conflicts: 0 };
  const report: ImportReport = {
    fileName: opts.fileName,
    source: opts.source,
    asOf,
    headerRow: null,
    columns: [],
    rows: 0,
    counts,
    problems: [],
    warnings: [],
    committed: false,
    importId: null,
    conflicts: [],
  };
  const defaultUnitId = await defaultUnit(db, caller, opts.unitId, today);
  try {
    await db.transaction(async (tx) => {
      const [imp] = await tx
        .insert(enterpriseImport)
        .values({ source: opts.source, fileName: opts.fileName, asOf, counts: {}, importedBy: actor.id })
        .returning({ id: enterpriseImport.id });
      const importId = imp?.id as number;
      const places = await loadPlaces(tx, asOf);
      let mapping: Mapping | null = null;
      let bulk: string | null = null;
      let afterHeader = false;
      let scanned = 0;
      let batch: ExtractRow[] = [];
      const seen = new Map<string, number>();
      const badRows = new Set<number>();
      let bytes = [0, 0];
      const ctx = {
        tx,
        source: opts.source,
        scope: caller.scope,
        today,
        importId,
        defaultUnitId,
        places,
        counts,
        problems: report.problems,
        nameColumn: { column: '', header: '' },
        unitPaths: new Map<number, string | null>(),
      };
      const describe = (m: Mapping) => {
        report.headerRow = m.headerRow;
        report.columns = m.columns.map((c) => ({ letter: columnLetter(c.index), header: c.header, field: c.field }));
        const nameCol = m.columns.find((c) => c.field === 'name');
        ctx.nameColumn = { column: nameCol ? columnLetter(nameCol.index) : '', header: nameCol?.header ?? '' };
      };
      for await (const row of readSheet(opts.data, opts.fileName, (read, total) => {
        bytes = [read, total];
      })) {
        if (!mapping) {
          mapping = detectHeader(row);
          afterHeader = !!mapping;
          if (mapping) describe(mapping);
          else if (++scanned >= 30) break;
          continue;
        }
        if (afterHeader) {
          afterHeader = false;
          if (absorbSubHeader(mapping, row)) {
            describe(mapping);
            continue;
          }
        }
        if (row.cells.every((c) => cellText(c) === '')) continue;
        report.rows++;
        const r = parseExtractRow(row.cells, row.rowNumber, mapping, { source: opts.source, asOf, places });
        report.warnings.push(...r.warnings);
        for (const p of r.problems) {
          report.problems.push(p);
          badRows.add(p.row);
        }
        if (!r.parsed) continue;
        const earlier = seen.get(r.parsed.taxCode);
        if (earlier !== undefined) {
          const c = mapping.columns.find((x) => x.field === 'taxCode');
          report.problems.push({
            row: row.rowNumber,
            column: c ? columnLetter(c.index) : '',
            header: c?.header ?? '',
            vi: `Trùng mã số thuế với dòng ${earlier}.`,
            en: `Same tax code as row ${earlier}.`,
          });
          badRows.add(row.rowNumber);
          continue;
        }
        seen.set(r.parsed.taxCode, row.rowNumber);
        batch.push(r.parsed);
        if (batch.length >= BATCH) {
          await mergeBatch(ctx, batch);
          batch = [];
          if (!bulk && counts.new >= BULK_NEW) bulk = await suspendNameIndex(tx);
          opts.onProgress?.(report.rows, bytes[0] ?? 0, bytes[1] ?? 0);
        }
      }
      if (!mapping) throw noHeader(opts.fileName);
      await mergeBatch(ctx, batch);
      opts.onProgress?.(report.rows, bytes[1] ?? 0, bytes[1] ?? 0);
      counts.invalid += badRows.size;
      if (counts.conflicts > 0) {
        const raised = await run<ConflictPreview>(
          tx,
          sql`select e.tax_code as "taxCode", e.name, c.kind, c.field, c.our_value as "ourValue",
              c.register_value as "registerValue"
            from enterprise_conflict c join enterprise e on e.id = c.enterprise_id
            where c.import_id = ${importId} order by e.tax_code, c.field limit 200`,
        );
        report.conflicts = raised.rows;
      }
      if (opts.dryRun || (opts.take === 'all' && report.problems.length > 0)) throw new Rollback();
      // A rollback restores the index by itself; a commit needs it rebuilt.
      if (bulk) await tx.execute(sql.raw(bulk));
      await tx.execute(
        sql`update enterprise_import set counts = ${JSON.stringify(counts)}::jsonb where id = ${importId}`,
      );
      await recordAudit(tx, actor, {
        action: 'enterprise.import',
        entityType: 'enterprise_import',
        entityId: importId,
        after: { fileName: opts.fileName, source: opts.source, asOf, counts, take: opts.take },
      });
      report.committed = true;
      report.importId = importId;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  report.problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return report;
}
