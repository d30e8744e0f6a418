import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberCard, membership, person } from '../../db/schema/members.ts';
import { unit } from '../../db/schema/units.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { qrcode } from '../../lib/pdf.ts';
import { canWriteUnder, outOfScope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import { personInScope } from '../members/queries.ts';
import type { Caller } from '../members/service.ts';
import * as unitQ from '../units/queries.ts';

const CARD = { vi: 'thẻ đoàn viên', en: 'member card' };
const REASONS: Record<string, string> = { lost: 'Mất thẻ', damaged: 'Hỏng thẻ', changed_details: 'Thay đổi thông tin' };

/**
 * Card numbers are the issuing CĐCS's code, a dash, and a 6-digit sequence within that unit
 * (40C00123-000045): unique nationally because unit codes are, and readable over the phone.
 */
async function nextCardNo(tx: Tx, unitCode: string) {
  const res = await run<{ n: number | null }>(
    tx,
    sql`select max(substring(card_no from '-(\\d{6})$')::int) as n from member_card where card_no like ${`${unitCode}-%`}`,
  );
  return `${unitCode}-${String((res.rows[0]?.n ?? 0) + 1).padStart(6, '0')}`;
}

async function cardsOf(db: Conn, personId: number) {
  const res = await run<{
    id: number;
    cardNo: string;
    unitName: string | null;
    issuedOn: string;
    status: 'active' | 'replaced' | 'revoked';
    endedOn: string | null;
    endReason: string | null;
    verifyToken: string;
  }>(
    db,
    sql`select c.id, c.card_no as "cardNo", c.issued_on::text as "issuedOn", c.status, c.ended_on::text as "endedOn",
      c.end_reason as "endReason", c.verify_token as "verifyToken",
      (select uv.name from unit_version uv where uv.unit_id = c.unit_id and uv.valid_from <= c.issued_on
       order by uv.valid_from desc limit 1) as "unitName"
    from member_card c where c.person_id = ${personId} order by c.issued_on desc, c.id desc`,
  );
  return res.rows;
}

export async function list(db: Db, caller: Caller, personId: number) {
  if (!(await personInScope(db, caller.scope, personId))) throw notFound({ vi: 'đoàn viên', en: 'member' }, personId);
  return (await cardsOf(db, personId)).map(({ id: _i, verifyToken: _t, ...c }) => c);
}

/** The member's open membership, in a unit the caller may change. */
async function writableMembership(tx: Tx, caller: Caller, personId: number) {
  const open = (
    await tx
      .select()
      .from(membership)
      .where(and(eq(membership.personId, personId), sql`${membership.validTo} is null`))
  )[0];
  if (!open)
    throw conflict(
      'not_a_member',
      'Chỉ cấp thẻ cho người đang là đoàn viên.',
      'Cards are issued to current members only.',
    );
  const v = await unitQ.selectOpenVersion(tx, open.unitId);
  if (!v || !(await personInScope(tx, caller.scope, personId)))
    throw notFound({ vi: 'đoàn viên', en: 'member' }, personId);
  if (!canWriteUnder(caller.scope, v.path)) throw outOfScope();
  return { open, code: v.code };
}

async function insertCard(tx: Tx, personId: number, unitId: number, unitCode: string, issuedOn: string) {
  const cardNo = await nextCardNo(tx, unitCode);
  const verifyToken = randomBytes(24).toString('base64url');
  await tx.insert(memberCard).values({ cardNo, personId, unitId, issuedOn, verifyToken });
  return cardNo;
}

export async function issue(db: Db, caller: Caller, actor: Actor, personId: number, issuedOn = todayVn()) {
  return db.transaction(async (tx) => {
    const { open, code } = await writableMembership(tx, caller, personId);
    const active = (await cardsOf(tx, personId)).find((c) => c.status === 'active');
    if (active)
      throw conflict(
        'card_exists',
        `Đoàn viên đã có thẻ ${active.cardNo} còn hiệu lực. Dùng «Cấp lại thẻ» nếu thẻ bị mất, hỏng hoặc đổi thông tin.`,
        `The member already holds valid card ${active.cardNo}. Use "reissue" if it was lost, damaged or details changed.`,
      );
    const cardNo = await insertCard(tx, personId, open.unitId, code, issuedOn);
    await recordAudit(tx, actor, { action: 'card.issue', entityType: 'person', entityId: personId, after: { cardNo } });
    return cardNo;
  });
}

export async function reissue(
  db: Db,
  caller: Caller,
  actor: Actor,
  personId: number,
  reason: 'lost' | 'damaged' | 'changed_details',
  issuedOn = todayVn(),
) {
  return db.transaction(async (tx) => {
    const { open, code } = await writableMembership(tx, caller, personId);
    const active = (await cardsOf(tx, personId)).find((c) => c.status === 'active');
    if (active)
      await tx
        .update(memberCard)
        .set({ status: 'replaced', endedOn: issuedOn, endReason: REASONS[reason] ?? reason })
        .where(eq(memberCard.id, active.id));
    const cardNo = await insertCard(tx, personId, open.unitId, code, issuedOn);
    await recordAudit(tx, actor, {
      action: 'card.reissue',
      entityType: 'person',
      entityId: personId,
      before: { cardNo: active?.cardNo ?? null },
      after: { cardNo, reason },
    });
    return cardNo;
  });
}

/** Revokes the active card; also called when a membership ends, inside that transaction. */
export async function revokeActive(tx: Tx, actor: Actor, personId: number, onDate: string, reason: string) {
  const active = (await cardsOf(tx, personId)).find((c) => c.status === 'active');
  if (!active) return null;
  // A backdated end (a withdrawal recorded late) must not make the card end before it was issued.
  const endedOn = onDate < active.issuedOn ? active.issuedOn : onDate;
  await tx
    .update(memberCard)
    .set({ status: 'revoked', endedOn, endReason: reason })
    .where(eq(memberCard.id, active.id));
  await recordAudit(tx, actor, {
    action: 'card.revoke',
    entityType: 'person',
    entityId: personId,
    after: { cardNo: active.cardNo, reason },
  });
  return active.cardNo;
}

export async function revoke(
  db: Db,
  caller: Caller,
  actor: Actor,
  personId: number,
  reason: string,
  onDate = todayVn(),
) {
  return db.transaction(async (tx) => {
    if (!(await personInScope(tx, caller.scope, personId))) throw notFound({ vi: 'đoàn viên', en: 'member' }, personId);
    const cardNo = await revokeActive(tx, actor, personId, onDate, reason);
    if (!cardNo)
      throw conflict('no_active_card', 'Đoàn viên không có thẻ còn hiệu lực.', 'The member holds no valid card.');
    return cardNo;
  });
}

export async function eCard(db: Db, caller: Caller, personId: number, origin: string) {
  if (!(await personInScope(db, caller.scope, personId))) throw notFound({ vi: 'đoàn viên', en: 'member' }, personId);
  const card = await activeECard(db, personId, origin);
  if (!card) throw notFound(CARD, personId);
  return card;
}

/**
 * The person's active card as an e-card (null when they hold none), with no scope check: the
 * officer's eCard checks scope first, the member app shows a member their own.
 */
export async function activeECard(db: Db, personId: number, origin: string) {
  const card = (await cardsOf(db, personId)).find((c) => c.status === 'active');
  if (!card) return null;
  const p = (await db.select().from(person).where(eq(person.id, personId)))[0];
  const verifyPath = `/verify/${card.verifyToken}`;
  const qrSvg = await qrcode().toString(`${origin}${verifyPath}`, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
  return {
    cardNo: card.cardNo,
    fullName: p?.fullName ?? '',
    birthDate: p?.birthDate ?? null,
    unitName: card.unitName,
    issuedOn: card.issuedOn,
    status: card.status,
    verifyPath,
    qrSvg,
  };
}

/** "Nguyễn Văn Đức" -> "N.V.Đ.": enough to match the card in hand, not to identify a stranger. */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]?.toUpperCase()}.`)
    .join('');

export async function verify(db: Db, token: string) {
  const rows = await db
    .select({ card: memberCard, fullName: person.fullName, unitCode: unit.code })
    .from(memberCard)
    .innerJoin(person, eq(person.id, memberCard.personId))
    .innerJoin(unit, eq(unit.id, memberCard.unitId))
    .where(eq(memberCard.verifyToken, token))
    .orderBy(desc(memberCard.id))
    .limit(1);
  const r = rows[0];
  if (!r) return { status: 'unknown' as const, cardNo: null, holderInitials: null, unitName: null, issuedOn: null };
  const v = await unitQ.selectVersionForDay(db, r.card.unitId, r.card.issuedOn);
  return {
    status: r.card.status === 'active' ? ('valid' as const) : (r.card.status as 'replaced' | 'revoked'),
    cardNo: r.card.cardNo,
    holderInitials: initials(r.fullName),
    unitName: v?.name ?? null,
    issuedOn: r.card.issuedOn,
  };
}
