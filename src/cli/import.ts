import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { unit } from '../db/schema/units.ts';
import { AppError } from '../lib/errors.ts';
import { fullScope } from '../lib/scope.ts';
import { importMembers } from '../modules/members/import.ts';
import { fail, withDatabase } from './db.ts';
import { addEnterpriseImport } from './import-enterprises.ts';

const cliCaller = { scope: fullScope, roles: [{ role: 'system_admin' }] };

export const importCommand = () => {
  const cmd = new Command('import').description('Nhập dữ liệu từ tệp .xlsx/.csv — import spreadsheets');
  cmd
    .command('members <file>')
    .description('Nhập danh sách đoàn viên vào một CĐCS — import members into a grassroots union')
    .requiredOption('--unit <code>', 'mã CĐCS nhận đoàn viên (ví dụ 40C00123)')
    .option('--take-valid', 'nhập các dòng đúng, bỏ qua dòng có lỗi (mặc định: có lỗi thì không nhập gì)')
    .option('--dry-run', 'chỉ kiểm tra, không ghi gì')
    .action(async (file: string, o: { unit: string; takeValid?: boolean; dryRun?: boolean }) => {
      if (!fs.existsSync(file)) return fail(`Không thấy tệp «${file}».`);
      await withDatabase(async ({ db, kind }) => {
        const rows = await db.select({ id: unit.id }).from(unit).where(eq(unit.code, o.unit));
        if (!rows[0]) return fail(`Không có đơn vị mã «${o.unit}».`);
        const bar = new SingleBar({ format: 'Đang nhập [{bar}] {percentage}% | {rows} dòng' });
        let started = false;
        try {
          const report = await importMembers(
            db,
            cliCaller,
            { id: null, name: 'cli' },
            {
              data: file,
              fileName: path.basename(file),
              unitId: rows[0].id,
              take: o.takeValid ? 'valid' : 'all',
              dryRun: !!o.dryRun,
              embedded: kind === 'pglite',
              onProgress: (done, total) => {
                if (!started) bar.start(total, 0);
                started = true;
                bar.update(done);
              },
            },
          );
          if (started) bar.stop();
          const c = report.counts;
          process.stdout.write(
            `Dòng tiêu đề: ${report.headerRow}. Mới: ${c.new}, cập nhật: ${c.updated}, không đổi: ${c.unchanged}, lỗi: ${c.invalid}.\n`,
          );
          for (const p of report.problems.slice(0, 50))
            process.stdout.write(`  dòng ${p.row}${p.column ? `, cột ${p.column} (${p.header})` : ''}: ${p.vi}\n`);
          if (report.problems.length > 50) process.stdout.write(`  … và ${report.problems.length - 50} lỗi khác.\n`);
          if (report.committed) process.stdout.write('Đã ghi vào CSDL.\n');
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
  addEnterpriseImport(cmd);
  return cmd;
};
