import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { formatViDate } from '../../lib/dates.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { canWritePath, canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import { run, type Tx } from '../../lib/tx.ts';
import type * as q from './queries.ts';
import { selectOpenSubtree } from './queries.ts';
import type { MoveUnitsInput } from './schema.ts';
import { openVersionOrFail, requireNotBefore, UNIT } from './service.ts';

/**
 * Moves units (one or hundreds) under a new parent from a day on. Every unit of each moved subtree
 * gets its open version closed that day and a new one opened with its new path, so the old tree
 * stays answerable and the new one is a plain filter. All in one transaction.
 */
export async function move(db: Db, scope: Scope, actor: Actor, input: MoveUnitsInput) {
  const d = input.effectiveOn;
  return db.transaction(async (tx) => {
    const target = await openVersionOrFail(tx, input.newParentId);
    if (!pathInScope(scope, target.path)) throw notFound(UNIT, input.newParentId);
    if (!canWriteUnder(scope, target.path)) throw outOfScope();
    requireNotBefore(target, d, 'effectiveOn');
    let versionsOpened = 0;
    const audits = [];
    for (const unitId of [...new Set(input.unitIds)]) {
      const open = await openVersionOrFail(tx, unitId);
      if (!pathInScope(scope, open.path)) throw notFound(UNIT, unitId);
      if (!canWritePath(scope, open.path)) throw outOfScope();
      if (open.parentId === input.newParentId) continue;
      // Re-read the target each time: an earlier move in this batch may have moved it.
      const parent = await openVersionOrFail(tx, input.newParentId);
      if (parent.path.split('.').map(Number).includes(unitId))
        throw invalid([
          {
            field: 'newParentId',
            vi: `Không thể chuyển «${open.name}» vào chính nó hoặc một đơn vị trực thuộc nó.`,
            en: `«${open.name}» cannot be moved under itself or one of its own sub-units.`,
          },
        ]);
      versionsOpened += await reparentSubtree(tx, open, parent, d, input.reason ?? 'Chuyển đơn vị trực thuộc');
      audits.push({
        action: 'unit.move',
        entityType: 'unit',
        entityId: unitId,
        before: { parentId: open.parentId, path: open.path },
        after: { parentId: input.newParentId, effectiveOn: d, reason: input.reason ?? null },
      });
    }
    await recordAudit(tx, actor, audits);
    return { moved: audits.length, versionsOpened };
  });
}

async function reparentSubtree(tx: Tx, open: q.VersionRow, parent: q.VersionRow, d: string, reason: string) {
  const subtree = await selectOpenSubtree(tx, open.path);
  const late = subtree.find((s) => s.validFrom > d);
  if (late)
    throw invalid([
      {
        field: 'effectiveOn',
        vi: `Ngày hiệu lực phải từ ${formatViDate(late.validFrom)} trở đi: đơn vị #${late.unitId} trong nhánh đã có thay đổi từ ngày đó.`,
        en: `The effective date must be on or after ${late.validFrom}: unit #${late.unitId} in this branch changed on that day.`,
      },
    ]);
  const oldPrefixLen = open.path.split('.').length - 1;
  const depthShift = parent.depth + 1 - open.depth;
  const newPath = sql`${parent.path}::ltree || subpath(path, ${oldPrefixLen})`;
  // Versions that began on d itself are corrected in place (a period cannot be empty).
  await run(
    tx,
    sql`
    update unit_version set path = ${newPath}, depth = depth + ${depthShift},
      parent_id = case when unit_id = ${open.unitId} then ${parent.unitId} else parent_id end,
      change_reason = case when unit_id = ${open.unitId} then ${reason} else change_reason end
    where path <@ ${open.path}::ltree and valid_to is null and valid_from = ${d}::date`,
  );
  const closed = await run<{ id: number }>(
    tx,
    sql`
    update unit_version set valid_to = ${d}::date
    where path <@ ${open.path}::ltree and valid_to is null and valid_from < ${d}::date returning id`,
  );
  if (closed.rows.length === 0) return 0;
  const ids = closed.rows.map((r) => r.id);
  await run(
    tx,
    sql`
    insert into unit_version (unit_id, valid_from, valid_to, parent_id, type, name, name_folded, sort_key,
      short_name, area_code, path, depth, change_reason)
    select unit_id, ${d}::date, null,
      case when unit_id = ${open.unitId} then ${parent.unitId} else parent_id end,
      type, name, name_folded, sort_key, short_name, area_code, ${newPath}, depth + ${depthShift},
      case when unit_id = ${open.unitId} then ${reason} else ${`Theo đơn vị cấp trên: ${reason}`} end
    from unit_version where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return ids.length;
}
