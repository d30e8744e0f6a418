/**
 * Demo periodic reports: for the first half of 2023, most of the province's sub-units of that day
 * submitted their 6-month report (with a number, as offices write them) and a few have not, so the
 * province's page shows who is missing; the province's own report for the half is a draft. The
 * figures are what submitting computes from the register, as in real use.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { fullScope } from '../lib/scope.ts';
import { run } from '../lib/tx.ts';
import { selectChildUnits } from '../modules/plans/queries.ts';
import { create, submit } from '../modules/reports/service.ts';

const actor = { id: null, name: 'seed' };
const caller = { scope: fullScope };
/** Every fourth sub-unit has not submitted yet. */
const MISSING_EVERY = 4;

export async function seedDemoReports(database: Database) {
  const db = database.db;
  const province = (await run<{ id: number }>(db, sql`select id from unit where code = '40'`)).rows[0]?.id;
  if (!province) return;
  const children = await selectChildUnits(db, province, '2023-06-30');
  let n = 0;
  for (const [i, c] of children.entries()) {
    if (i % MISSING_EVERY === MISSING_EVERY - 1) continue;
    const id = await create(db, caller, actor, {
      unitId: c.id,
      kind: 'six_month',
      year: 2023,
      half: 1,
      documentNo: `${String(20 + i).padStart(2, '0')}/BC-CĐ`,
    });
    await submit(db, caller, actor, id);
    n++;
  }
  await create(db, caller, actor, { unitId: province, kind: 'six_month', year: 2023, half: 1 });
  return { submitted: n, missing: children.length - n };
}
