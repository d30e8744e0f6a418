import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { isEmpty, seedDemo } from '../seed/index.ts';
import { fail, withDatabase } from './db.ts';

const scales = ['tiny', 'province', 'national'] as const;

export const seedCommand = () =>
  new Command('seed')
    .description('Nạp dữ liệu mẫu vào CSDL trống — load the demo dataset into an empty database')
    .option('--scale <scale>', `quy mô: ${scales.join(' | ')} (national ≈ 130.000 đơn vị)`, 'province')
    .option('--members <share>', 'phần sổ đoàn viên mẫu cần tạo: 1 = toàn bộ ~170.000, 0 = không', '1')
    .action(async (opts: { scale: string; members: string }) => {
      const share = Number(opts.members);
      if (!(share >= 0 && share <= 1)) return fail(`--members là số từ 0 đến 1 (nhận được «${opts.members}»).`);
      const scale = scales.find((s) => s === opts.scale);
      if (!scale) return fail(`--scale phải là một trong: ${scales.join(', ')} (nhận được «${opts.scale}»).`);
      await withDatabase(async (database) => {
        if (!(await isEmpty(database)))
          return fail('CSDL đã có dữ liệu; dữ liệu mẫu chỉ nạp vào CSDL trống. Dùng DATA_DIR hoặc DATABASE_URL khác.');
        const bar = new SingleBar({ format: 'Nạp dữ liệu mẫu [{bar}] {percentage}% | {value}/{total}' });
        let begun = false;
        const summary = await seedDemo(database, {
          scale,
          members: share > 0 ? share : false,
          onProgress: (done, total) => {
            if (!begun) bar.start(total, 0);
            begun = true;
            bar.update(done);
          },
        });
        if (begun) bar.stop();
        process.stdout.write(
          `Đã nạp ${summary.units} đơn vị (${summary.unitVersions} giai đoạn), ${summary.areas} địa bàn trong ${summary.ms} ms.\n`,
        );
      });
    });
