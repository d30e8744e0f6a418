import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { Database } from '../../db/client.ts';
import { fullScope } from '../../lib/scope.ts';
import { run } from '../../lib/tx.ts';
import { fold, personSortKey, searchTerms } from '../../lib/vietnamese.ts';
import { GIVEN_FEMALE, GIVEN_MALE } from '../../seed/members/names.ts';
import { createRandom } from '../../seed/random.ts';
import { dropIndexForNow } from './import-write.ts';
import * as members from './service.ts';

let database: Database;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
const admin = { scope: fullScope, roles: [{ role: 'system_admin' }] };
const actor = { id: null, name: 'test' };
const officerA = {
  scope: { all: false as const, readUnitIds: [0], writeUnitIds: [0] },
  roles: [{ role: 'upper_union_officer' }],
};
const people: { id: number; name: string; district: 'A' | 'B' }[] = [];

// Names that share words and parts of words (Hương, Phương, Thương; Văn and Vân; Thị and Thìn),
// so a typed term stands for several words and matches cluster in list order.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Phan', 'Hồ', 'Vũ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Thị Thu', 'Đức', 'Hữu', 'Vân', 'Phương'];
const GIVEN = [...new Set([...GIVEN_FEMALE, ...GIVEN_MALE, 'Thìn', 'Thương', 'Hưởng'])];

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  officerA.scope.readUnitIds = [t.districtA];
  officerA.scope.writeUnitIds = [t.districtA];
  const random = createRandom(7);
  for (let i = 0; i < 220; i++) {
    // Common given names often, so that typed terms match many people.
    const given = random.chance(0.4) ? random.pick(['Hương', 'Thương', 'Hà', 'An', 'Thìn']) : random.pick(GIVEN);
    const name = `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${given}`;
    const district = i % 3 === 0 ? 'B' : 'A';
    const id = await members.admit(database.db, admin, actor, {
      person: { fullName: name },
      unitId: district === 'A' ? t.a1 : t.b1,
      onDate: '2022-03-01',
    });
    people.push({ id, name, district });
  }
});
afterAll(async () => {
  await database.close();
});

/** Every page of a search, following the cursor. */
async function searchAll(q: string, caller: typeof admin | typeof officerA, limit = 7) {
  const out: number[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await members.listPage(database.db, caller, {
      q,
      status: 'active',
      limit,
      ...(after ? { after } : {}),
    } as Parameters<typeof members.listPage>[2]);
    out.push(...page.items.map((i) => i.personId));
    if (!page.next) return out;
    after = page.next;
  }
}

/** What the search must return: every person whose folded name holds every term, in list order. */
function expected(q: string, district?: 'A') {
  const terms = searchTerms(q);
  return people
    .filter((p) => (!district || p.district === district) && terms.every((term) => fold(p.name).includes(term)))
    .sort((a, b) => {
      const ka = personSortKey(a.name);
      const kb = personSortKey(b.name);
      return ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
    })
    .map((p) => p.id);
}

describe('name search in list order', () => {
  it('finds exactly the people whose name holds every term, page after page, whichever word it walks', async () => {
    const queries = [
      'huong',
      'thi huong',
      'nguyen van',
      'van',
      'thu',
      'hoang an',
      'uong',
      'a',
      'n',
      'thi thu ha',
      'xyz',
    ];
    for (const q of queries) {
      expect(await searchAll(q, admin), q).toEqual(expected(q));
      expect(await searchAll(q, officerA), `${q} (district A)`).toEqual(expected(q, 'A'));
    }
    expect(expected('thi huong').length).toBeGreaterThan(5);
    expect(expected('xyz')).toEqual([]);
  });

  it('finds a person by their new name after a correction, and no longer by the old one', async () => {
    const p = people.find((x) => x.name.includes('Hồ') && x.district === 'A');
    if (!p) throw new Error('no such person in the fixture');
    await members.updatePerson(database.db, admin, actor, p.id, { fullName: 'Hồ Thị Quế Chi' });
    p.name = 'Hồ Thị Quế Chi';
    expect(await searchAll('que chi', admin)).toEqual([p.id]);
    expect(await searchAll('ho thi', admin)).toEqual(expected('ho thi'));
  });

  it('still finds everyone after a large embedded import rebuilt the word index, and a rollback restores it', async () => {
    const exists = async () =>
      (
        await run<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from pg_indexes where indexname = 'person_name_word_idx'`,
        )
      ).rows[0]?.n;
    await database.db
      .transaction(async (tx) => {
        await dropIndexForNow(tx, 'person_name_word_idx');
        throw new Error('refused');
      })
      .catch(() => {});
    expect(await exists()).toBe(1);
    await database.db.transaction(async (tx) => {
      const rebuild = await dropIndexForNow(tx, 'person_name_word_idx');
      await members.admitIn(tx, admin, actor, {
        person: { fullName: 'Lò Văn Pọm' },
        unitId: t.a1,
        onDate: '2022-03-01',
      });
      await rebuild();
    });
    expect(await exists()).toBe(1);
    expect((await searchAll('pom', admin)).length).toBe(1);
    expect(await searchAll('thi huong', admin)).toEqual(expected('thi huong'));
  });
});
