import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { forbidden } from './errors.ts';

/**
 * Who may see and change what. An officer's role holds for a unit and its whole subtree. Because a
 * unit's path is the list of ids from the root, "under unit 12" is "12 is a label of the path",
 * which stays true on any date, whatever moved since: the lquery '*.12.*' says exactly that.
 */
export type Scope =
  | { all: true }
  | {
      all: false;
      /** Units whose subtree the caller may read. */
      readUnitIds: number[];
      /** Units whose subtree (below the unit itself) the caller may change. */
      writeUnitIds: number[];
    };

export const fullScope: Scope = { all: true };

/** The SQL condition "this path lies in the caller's readable subtrees". */
export function inScope(scope: Scope, path: AnyPgColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  if (scope.readUnitIds.length === 0) return sql`false`;
  const patterns = scope.readUnitIds.map((id) => `*.${id}.*`);
  return sql`${path} ? ${`{${patterns.join(',')}}`}::lquery[]`;
}

/** True when a unit with this path may be read by the caller. */
export function pathInScope(scope: Scope, path: string): boolean {
  if (scope.all) return true;
  const labels = path.split('.').map(Number);
  return scope.readUnitIds.some((id) => labels.includes(id));
}

/** True when the caller may change the unit at this path (it lies strictly below a writable unit). */
export function canWritePath(scope: Scope, path: string): boolean {
  if (scope.all) return true;
  const labels = path.split('.').map(Number);
  const below = labels.slice(0, -1);
  return scope.writeUnitIds.some((id) => below.includes(id));
}

/** True when the caller may add or move units directly under the unit at this path. */
export function canWriteUnder(scope: Scope, path: string): boolean {
  if (scope.all) return true;
  const labels = path.split('.').map(Number);
  return scope.writeUnitIds.some((id) => labels.includes(id));
}

export const outOfScope = () =>
  forbidden(
    'Thao tác này nằm ngoài phạm vi đơn vị bạn phụ trách. Liên hệ công đoàn cấp trên nếu cần thay đổi.',
    'This is outside the units you are responsible for. Ask the upper union if the change is needed.',
  );
