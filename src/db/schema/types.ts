import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: a unit's path of ids from the root, e.g. '1.25.3001'. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});
