import { sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';

export async function insertSession(db: Conn, tokenHash: string, personId: number, expiresAt: Date) {
  await run(
    db,
    sql`insert into member_session (token_hash, person_id, expires_at) values (${tokenHash}, ${personId}, ${expiresAt.toISOString()})`,
  );
}

export async function deleteSession(db: Conn, tokenHash: string) {
  await run(db, sql`delete from member_session where token_hash = ${tokenHash}`);
}

/** The person behind a live session, with the CĐCS of their open membership (if any). */
export async function selectLiveSession(db: Conn, tokenHash: string) {
  const res = await run<SessionMemberRow>(
    db,
    sql`
    select p.id as "personId", p.full_name as "fullName",
           m.unit_id as "unitId", uv.path::text as "unitPath", uv.name as "unitName"
    from member_session s
    join person p on p.id = s.person_id and p.erased_at is null
    left join lateral (
      select unit_id from membership where person_id = p.id and valid_to is null order by valid_from desc limit 1
    ) m on true
    left join unit_version uv on uv.unit_id = m.unit_id and uv.valid_to is null
    where s.token_hash = ${tokenHash} and s.expires_at > now()`,
  );
  return res.rows[0];
}

export type SessionMemberRow = {
  personId: number;
  fullName: string;
  unitId: number | null;
  unitPath: string | null;
  unitName: string | null;
};

// ---- sign-in codes -----------------------------------------------------------------------------

/** Codes asked for one identifier in the last hour: how many, and seconds since the last and the first. */
export async function selectRecentCodes(db: Conn, identifierHash: string) {
  const res = await run<{ inHour: number; sinceLast: number | null; sinceFirst: number | null }>(
    db,
    sql`select count(*)::int as "inHour",
      extract(epoch from now() - max(created_at))::float8 as "sinceLast",
      extract(epoch from now() - min(created_at))::float8 as "sinceFirst"
    from sign_in_code where identifier_hash = ${identifierHash} and created_at > now() - interval '1 hour'`,
  );
  return res.rows[0] ?? { inHour: 0, sinceLast: null, sinceFirst: null };
}

/** Serialises code requests for one identifier, so two at once cannot both pass the limits. */
export async function lockIdentifier(db: Conn, identifierHash: string) {
  await run(db, sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${identifierHash}`}, 0))`);
}

export type SignInPerson = { personId: number; phone: string | null; email: string | null };

/** The person (not erased) holding an open membership with this phone (E.164) or CCCD. */
export async function selectSignInPerson(db: Conn, by: { phone: string } | { citizenId: string }) {
  const match = 'phone' in by ? sql`p.phone = ${by.phone}` : sql`p.citizen_id = ${by.citizenId}`;
  const res = await run<SignInPerson>(
    db,
    sql`select p.id as "personId", p.phone, p.email from person p
    join membership m on m.person_id = p.id and m.valid_to is null
    where ${match} and p.erased_at is null
    order by m.valid_from desc, p.id desc limit 1`,
  );
  return res.rows[0];
}

export async function insertCode(
  db: Conn,
  row: {
    identifierHash: string;
    personId: number | null;
    codeHash: string;
    channel: string;
    destination: string | null;
    ttlSeconds: number;
  },
) {
  const res = await run<{ id: number }>(
    db,
    sql`insert into sign_in_code (identifier_hash, person_id, code_hash, channel, destination, expires_at)
    values (${row.identifierHash}, ${row.personId}, ${row.codeHash}, ${row.channel}, ${row.destination},
            now() + make_interval(secs => ${row.ttlSeconds}))
    returning id`,
  );
  const id = res.rows[0]?.id;
  if (id === undefined) throw new Error('insert returned nothing');
  return Number(id);
}

/**
 * Takes one try of a live code (unused, unexpired, tries left), atomically; undefined when none is
 * left. The try is counted before the code is compared, so parallel guesses cannot exceed the limit.
 */
export async function claimAttempt(db: Conn, id: number, maxAttempts: number) {
  const res = await run<{ attempts: number; codeHash: string; personId: number | null }>(
    db,
    sql`update sign_in_code set attempts = attempts + 1
    where id = ${id} and used_at is null and expires_at > now() and attempts < ${maxAttempts}
    returning attempts, code_hash as "codeHash", person_id as "personId"`,
  );
  const r = res.rows[0];
  return r && { ...r, personId: r.personId === null ? null : Number(r.personId) };
}

/** Marks the code used; false when another request used it first. */
export async function markUsed(db: Conn, id: number) {
  const res = await run<{ id: number }>(
    db,
    sql`update sign_in_code set used_at = now() where id = ${id} and used_at is null returning id`,
  );
  return res.rows.length > 0;
}

/** What the member app shows of the person: name, birth, gender and the CĐCS of the open membership. */
export async function selectAppPerson(db: Conn, personId: number) {
  const res = await run<{
    personId: number;
    fullName: string;
    birthDate: string | null;
    gender: 'male' | 'female' | null;
    unitId: number | null;
    unitName: string | null;
  }>(
    db,
    sql`
    select p.id as "personId", p.full_name as "fullName", p.birth_date::text as "birthDate", p.gender,
           m.unit_id as "unitId", uv.name as "unitName"
    from person p
    left join lateral (
      select unit_id from membership where person_id = p.id and valid_to is null order by valid_from desc limit 1
    ) m on true
    left join unit_version uv on uv.unit_id = m.unit_id and uv.valid_to is null
    where p.id = ${personId} and p.erased_at is null`,
  );
  return res.rows[0];
}
