import { PassThrough } from 'node:stream';
import type { Db } from '../../db/client.ts';
import { formatViDate } from '../../lib/dates.ts';
import { excel } from '../../lib/exceljs.ts';
import { logAccess } from '../../lib/privacy.ts';
import type { MemberListQuery } from './schema.ts';
import { type Caller, listPage, seesIds } from './service.ts';

const GENDER: Record<string, string> = { male: 'Nam', female: 'Nữ' };

/**
 * Streams a member list as .xlsx, page by page through the same scoped query as the screen, so a
 * province-wide export neither holds every row in memory nor shows what the screen would not.
 */
export async function exportMembers(db: Db, caller: Caller, query: Omit<MemberListQuery, 'limit' | 'after'>) {
  // The first page is read before the file starts: a unit out of scope or a bad filter is then a
  // clear error response, not a download that breaks off.
  let page = await listPage(db, caller, { ...query, limit: 500 });
  const out = new PassThrough();
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('Đoàn viên');
  ws.columns = [
    { header: 'STT', width: 7 },
    { header: 'Họ và tên', width: 28 },
    { header: 'Ngày sinh', width: 12 },
    { header: 'Giới tính', width: 9 },
    { header: 'Dân tộc', width: 10 },
    { header: 'Số CCCD', width: 16 },
    { header: 'Điện thoại', width: 15 },
    { header: 'CĐCS', width: 45 },
    { header: 'Ngày vào công đoàn', width: 14 },
    { header: 'Trạng thái', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const run = async () => {
    const ids: number[] = [];
    let n = 0;
    for (;;) {
      for (const m of page.items) {
        ids.push(m.personId);
        ws.addRow([
          ++n,
          m.fullName,
          m.birthDate ? formatViDate(m.birthDate) : '',
          m.gender ? GENDER[m.gender] : '',
          m.ethnicity ?? '',
          m.citizenId ?? '',
          m.phone ?? '',
          m.unitName ?? '',
          m.memberSince ? formatViDate(m.memberSince) : '',
          m.status === 'active' ? 'Đang sinh hoạt' : 'Đã thôi',
        ]).commit();
      }
      if (!page.next) break;
      page = await listPage(db, caller, { ...query, limit: 500, after: page.next });
    }
    if (seesIds(caller) && ids.length > 0)
      await logAccess(db, caller, { kind: 'export', personIds: ids, detail: 'members.xlsx' });
    await ws.commit();
    await wb.commit();
  };
  run().catch((err) => out.destroy(err as Error));
  return out;
}
