import { PassThrough } from 'node:stream';
import type { Db } from '../../db/client.ts';
import { formatViDate, todayVn } from '../../lib/dates.ts';
import { excel } from '../../lib/exceljs.ts';
import { gaps } from './coverage.ts';
import type { Ownership } from './schema.ts';
import type { Caller } from './service.ts';

export const OWNERSHIP_VI: Record<Ownership, string> = {
  state: 'Nhà nước',
  non_state: 'Ngoài nhà nước',
  foreign_invested: 'Có vốn đầu tư nước ngoài',
  cooperative: 'Hợp tác xã',
};

/**
 * Streams the ranked list of enterprises without a CĐCS as .xlsx, page by page through the same
 * scoped query as the screen: a province-wide list never sits whole in memory.
 */
export function exportGaps(db: Db, caller: Caller, query: { unitId: number; asOf?: string | undefined }) {
  const d = query.asOf ?? todayVn();
  const out = new PassThrough();
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('Chưa có CĐCS');
  ws.columns = [
    { header: 'Thứ tự ưu tiên', width: 9 },
    { header: 'Mã số thuế', width: 16 },
    { header: 'Tên doanh nghiệp', width: 48 },
    { header: 'Loại hình', width: 24 },
    { header: 'Số lao động', width: 11 },
    { header: 'Lao động nữ', width: 11 },
    { header: 'Năm hoạt động', width: 9 },
    { header: 'Khu công nghiệp', width: 22 },
    { header: 'Địa chỉ', width: 48 },
    { header: 'Công đoàn cấp trên phụ trách', width: 38 },
    { header: 'Điểm ưu tiên', width: 9 },
    { header: 'Lý do ưu tiên', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const run = async () => {
    let after: string | undefined;
    do {
      const page = await gaps(db, caller, { ...query, asOf: d, limit: 500, ...(after ? { after } : {}) }, 'vi');
      for (const g of page.items) {
        ws.addRow([
          g.rank,
          g.taxCode,
          g.name,
          OWNERSHIP_VI[g.ownership],
          g.workforce,
          g.women ?? '',
          g.yearsOperating ?? '',
          g.zone ?? '',
          g.address ?? '',
          g.upperUnion?.name ?? '',
          g.priority.score,
          g.priority.reasons.join('; '),
        ]).commit();
      }
      after = page.next ?? undefined;
    } while (after);
    ws.addRow([]).commit();
    ws.addRow([
      `Số liệu tính đến ngày ${formatViDate(d)}; doanh nghiệp đang hoạt động, từ 25 lao động, chưa có CĐCS.`,
    ]).commit();
    await ws.commit();
    await wb.commit();
  };
  run().catch((err) => out.destroy(err as Error));
  return out;
}
