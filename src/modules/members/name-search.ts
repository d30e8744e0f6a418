/**
 * Name search in list order. Lists show people in Vietnamese order (given name, then family and
 * middle names), so the people matching a typed name sit in clusters: walking the whole register
 * in that order until 50 match passed most of it for "thi huong" (every Hương comes after the
 * A-G given names), and fetching every trigram match first sorted 600,000 rows for it at national
 * size. Instead the search walks person_name_word, in list order, for the words containing the
 * rarest term typed (by the planner's statistics of word frequencies), checking the other terms
 * on the name_folded kept in the same index entry: the 50 found cost about the same at 11 million
 * people as at 1,000.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';

/**
 * Candidates as a FROM item `c(sort_key, person_id)` with conditions on it for the WHERE clause;
 * 'none' when no name can match.
 */
export type NameSource = { from: SQL; where: SQL[] } | 'none' | null;

// A term found in more words than this is common enough that walking the whole register finds
// matches at once (and a union of that many walks would cost more to plan than to run).
const MAX_WORDS = 24;
// The frequency assumed for a word outside the statistics' most common values: a rare one.
const RARE = 1e-4;

/**
 * The candidates for these search terms, after the cursor position when one is given; null when
 * there are no terms or every term is very common (the caller then filters the register walk).
 */
export async function nameSource(db: Conn, terms: string[], after?: { key: string; id: number }): Promise<NameSource> {
  if (terms.length === 0) return null;
  const res = await run<{ term: string; word: string; freq: number | null }>(
    db,
    sql`select t.term, w.word, s.freq
      from jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb) as t(term)
      join name_word w on w.word like '%' || t.term || '%'
      left join (
        select unnest(most_common_vals::text::text[]) as word, unnest(most_common_freqs) as freq from pg_stats
        where schemaname = current_schema() and tablename = 'person_name_word' and attname = 'word'
      ) s on s.word = w.word
      order by t.term, w.word`,
  );
  const byTerm = new Map<string, { words: string[]; freq: number }>(terms.map((t) => [t, { words: [], freq: 0 }]));
  for (const r of res.rows) {
    const e = byTerm.get(r.term);
    if (!e) continue;
    e.words.push(r.word);
    e.freq += r.freq ?? RARE;
  }
  let driver: string | undefined;
  for (const [t, e] of byTerm) {
    if (e.words.length === 0) return 'none'; // no name holds this term: nothing can match
    const d = driver === undefined ? undefined : byTerm.get(driver);
    if (!d || e.freq < d.freq || (e.freq === d.freq && t.length > (driver?.length ?? 0))) driver = t;
  }
  const words = driver === undefined ? [] : (byTerm.get(driver)?.words ?? []);
  if (words.length > MAX_WORDS) return null;
  const others = terms.filter((t) => t !== driver);
  const conds = (word: string, earlier: string[]) => {
    const c: SQL[] = [sql`c.word = ${word}`];
    for (const t of others) c.push(sql`c.name_folded like ${`%${t}%`}`);
    // A person holding two of the words is taken in the walk of the first one only.
    // (Written as not like: the planner rates it as keeping most rows, which it does; position()
    // = 0 it took for a rare condition and then sorted every entry instead of merging the walks.)
    for (const e of earlier) c.push(sql`' ' || c.name_folded || ' ' not like ${`% ${e} %`}`);
    if (after) c.push(sql`(c.sort_key, c.person_id) > (${after.key}, ${after.id})`);
    return c;
  };
  // One word: the walk is the outer query's own index scan, so its LIMIT makes the planner walk
  // in order and stop (as a subquery, without the limit in view, it fetched and sorted them all).
  if (words.length === 1) return { from: sql`person_name_word c`, where: conds(words[0] as string, []) };
  // Several: one ordered walk per word, merged in list order. Each walk is ordered in its own
  // subquery: a plain union of them is never merged (the planner does not see that the word is
  // fixed in each) and would be sorted whole.
  const branches = words.map(
    (word, i) =>
      sql`(select c.sort_key, c.person_id from person_name_word c where ${sql.join(conds(word, words.slice(0, i)), sql` and `)}
        order by c.sort_key, c.person_id)`,
  );
  return { from: sql`(${sql.join(branches, sql` union all `)}) c`, where: [] };
}
