import type { Database } from '../src/db/client.ts';
import { fullScope } from '../src/lib/scope.ts';
import * as units from '../src/modules/units/service.ts';

const actor = { id: null, name: 'test' };

/**
 * A small tree built through the real write operations, founded 01/01/2000:
 * province
 *  ├─ district A ─ CĐCS A1, CĐCS A2 ─ section A2S
 *  ├─ district B ─ CĐCS B1
 *  └─ sector S
 */
export async function buildSmallTree(database: Database) {
  const db = database.db;
  const province = await units.createRoot(db, actor, {
    code: 'P',
    name: 'Liên đoàn Lao động tỉnh Thử Nghiệm',
    type: 'provincial_federation',
    foundedOn: '2000-01-01',
  });
  const mk = (code: string, name: string, type: string, parentId: number) =>
    units.create(db, fullScope, actor, { code, name, type, parentId, foundedOn: '2000-01-01' });
  const districtA = await mk('DA', 'Liên đoàn Lao động huyện Anh Sơn', 'district_federation', province);
  const districtB = await mk('DB', 'Liên đoàn Lao động huyện Bắc Bình', 'district_federation', province);
  const sector = await mk('S', 'Công đoàn Giáo dục tỉnh', 'sector_union', province);
  const a1 = await mk('A1', 'Công đoàn Trường THCS Đức Thọ', 'grassroots_union', districtA);
  const a2 = await mk('A2', 'Công đoàn Công ty TNHH May Nghệ An', 'grassroots_union', districtA);
  const a2s = await mk('A2S', 'Công đoàn bộ phận Xưởng Cắt', 'union_section', a2);
  const b1 = await mk('B1', 'Công đoàn Bệnh viện Đa khoa Bắc Bình', 'grassroots_union', districtB);
  return { province, districtA, districtB, sector, a1, a2, a2s, b1 };
}
