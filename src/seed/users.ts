import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { unit } from '../db/schema/units.ts';
import type { Actor } from '../lib/audit.ts';
import type { RoleName } from '../modules/auth/schema.ts';
import { createUser } from '../modules/auth/service.ts';

/** Demo log-ins, printed at start: one per kind of officer, so every view can be tried. */
export const demoUsers: {
  username: string;
  password: string;
  displayName: string;
  role: RoleName;
  unitCode: string | null;
  what: string;
}[] = [
  {
    username: 'admin',
    password: 'congdoan-admin',
    displayName: 'Quản trị hệ thống',
    role: 'system_admin',
    unitCode: null,
    what: 'quản trị toàn hệ thống',
  },
  {
    username: 'tinh',
    password: 'congdoan-tinh',
    displayName: 'Nguyễn Thị Hương (Ban Tổ chức)',
    role: 'federation_officer',
    unitCode: '40',
    what: 'cán bộ LĐLĐ tỉnh Nghệ An',
  },
  {
    username: 'vinh',
    password: 'congdoan-vinh',
    displayName: 'Trần Văn Minh (LĐLĐ TP Vinh)',
    role: 'upper_union_officer',
    unitCode: '40H412',
    what: 'cán bộ LĐLĐ thành phố Vinh (đến 30/06/2025)',
  },
  {
    username: 'dienchau',
    password: 'congdoan-dienchau',
    displayName: 'Lê Văn Hải (LĐLĐ Diễn Châu)',
    role: 'upper_union_officer',
    unitCode: '40H426',
    what: 'cán bộ LĐLĐ huyện Diễn Châu (đến 30/06/2025)',
  },
  // The 2025 reform ended the district federations: these two officers work for the commune
  // unions that took over the CĐCS of old Vinh city and Diễn Châu, so they see members today.
  {
    username: 'truongvinh',
    password: 'congdoan-truongvinh',
    displayName: 'Phạm Thị Thu (CĐ phường Trường Vinh)',
    role: 'upper_union_officer',
    unitCode: '40X001',
    what: 'cán bộ Công đoàn phường Trường Vinh (từ 01/07/2025)',
  },
  {
    username: 'xadienchau',
    password: 'congdoan-xadienchau',
    displayName: 'Hồ Văn Nam (CĐ xã Diễn Châu)',
    role: 'upper_union_officer',
    unitCode: '40X078',
    what: 'cán bộ Công đoàn xã Diễn Châu (từ 01/07/2025)',
  },
];

const seedActor: Actor = { id: null, name: 'seed' };

export async function seedDemoUsers(db: Db) {
  for (const u of demoUsers) {
    let unitId: number | null = null;
    if (u.unitCode) {
      const rows = await db.select({ id: unit.id }).from(unit).where(eq(unit.code, u.unitCode));
      if (!rows[0]) continue; // smaller demo scales may lack this unit
      unitId = rows[0].id;
    }
    await createUser(db, seedActor, {
      username: u.username,
      displayName: u.displayName,
      password: u.password,
      roles: [{ role: u.role, unitId }],
    });
  }
}
