import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { unit } from '../db/schema/units.ts';
import { parseDay } from '../lib/dates.ts';
import { AppError } from '../lib/errors.ts';
import { fullScope } from '../lib/scope.ts';
import { importExtract } from '../modules/enterprises/import.ts';
import { fail, withDatabase } from './db.ts';

type Options = { source: string; asOf?: string; unit?: string; takeValid?: boolean; dryRun?: boolean };

/** `congdoan import enterprises FILE --source dpi|bhxh`: an outside register's extract. */
export function addEnterpriseImport(cmd: Command) {
  cmd
    .command('enterprises <file>')
    .description(
      'Nhập trích xuất sổ đăng ký doanh nghiệp (Sở KH&ĐT) hoặc danh sách đơn vị tham gia BHXH — import a register extract',
    )
    .requiredOption('--source <source>', 'nguồn: dpi (Sở Kế hoạch và Đầu tư) | bhxh (Bảo hiểm xã hội)')
    .option('--as-of <day>', 'ngày số liệu (dd/mm/yyyy hoặc yyyy-mm-dd); mặc định: hôm nay')
    .option(
      '--unit <code>',
      'mã công đoàn cấp trên nhận doanh nghiệp mới không xác định được địa bàn (mặc định: LĐLĐ tỉnh)',
    )
    .option('--take-valid', 'nhập các dòng đúng, bỏ qua dòng có lỗi (mặc định: có lỗi thì không nhập gì)')
    .option('--dry-run', 'chỉ kiểm tra, không ghi gì')
    .action(async (file: string, o: Options) => {
      if (!fs.existsSync(file)) return fail(`Không thấy tệp «${file}».`);
      if (o.source !== 'dpi' && o.source !== 'bhxh')
        return fail(`--source phải là dpi hoặc bhxh (nhận được «${o.source}»).`);
      const asOf = o.asOf ? parseDay(o.asOf) : undefined;
      if (o.asOf && !asOf) return fail(`--as-of «${o.asOf}» không phải ngày hợp lệ: dùng dd/mm/yyyy.`);
      const source = o.source;
      await withDatabase(async ({ db }) => {
        let unitId: number | undefined;
        if (o.unit) {
          const rows = await db.select({ id: unit.id }).from(unit).where(eq(unit.code, o.unit));
          if (!rows[0]) return fail(`Không có đơn vị mã «${o.unit}».`);
          unitId = rows[0].id;
        }
        const bar = new SingleBar({ format: 'Đang nhập [{bar}] {percentage}% | {rows} dòng' });
        let started = false;
        try {
          const report = await importExtract(
            db,
            { scope: fullScope },
            { id: null, name: 'cli' },
            {
              data: file,
              fileName: path.basename(file),
              source,
              asOf: asOf ?? undefined,
              unitId,
              take: o.takeValid ? 'valid' : 'all',
              dryRun: !!o.dryRun,
              onProgress: (rows, done, total) => {
                if (!started) bar.start(total, 0, { rows: 0 });
                started = true;
                bar.update(done, { rows });
              },
            },
          );
          if (started) bar.stop();
          const c = report.counts;
          process.stdout.write(
            `Dòng tiêu đề: ${report.headerRow}. Ngày số liệu: ${report.asOf}. Mới: ${c.new}, cập nhật: ${c.updated}, không đổi: ${c.unchanged}, lỗi: ${c.invalid}, xung đột cần xử lý: ${c.conflicts}.\n`,
          );
          for (const p of report.problems.slice(0, 50))
            process.stdout.write(`  dòng ${p.row}${p.column ? `, cột ${p.column} (${p.header})` : ''}: ${p.vi}\n`);
          if (report.problems.length > 50) process.stdout.write(`  … và ${report.problems.length - 50} lỗi khác.\n`);
          if (report.warnings.length > 0)
            process.stdout.write(
              `Lưu ý: ${report.warnings.length} dòng có thông tin không xác định được (địa bàn, KCN, loại hình).\n`,
            );
          if (report.committed) process.stdout.write(`Đã ghi vào CSDL (lần nhập số ${report.importId}).\n`);
          else {
            process.stdout.write(
              o.dryRun
                ? 'Chạy thử: chưa ghi gì.\n'
                : 'Chưa ghi gì: sửa các lỗi trên, hoặc dùng --take-valid để nhập các dòng đúng.\n',
            );
            if (!o.dryRun) process.exitCode = 1;
          }
        } catch (err) {
          if (started) bar.stop();
          if (err instanceof AppError)
            return fail([err.vi, ...err.problems.map((p) => `  ${p.field}: ${p.vi}`)].join('\n'));
          throw err;
        }
      });
    });
}
