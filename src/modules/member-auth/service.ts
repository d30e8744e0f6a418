import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { parseCitizenId, parsePhone } from '../../lib/ids.ts';
import { hashToken } from '../auth/service.ts';
import { activeECard } from '../cards/service.ts';
import { type Channel, codeMessage, type Destination } from './channels.ts';
import * as q from './queries.ts';
import type { AppMe, Challenge } from './schema.ts';
import { MEMBER_SESSION_DAYS } from './session.ts';

export const CODE_TTL_SECONDS = 300;
export const MAX_ATTEMPTS = 5;
/** Per identifier: one code a minute, five an hour (an SMS costs money and annoys its owner). */
export const RESEND_AFTER_SECONDS = 60;
export const MAX_CODES_PER_HOUR = 5;

type Identifier = { phone: string } | { citizenId: string };

/** A CCCD (12 digits) or a Vietnamese mobile in any usual spelling; a field error otherwise. */
export function parseIdentifier(text: string): Identifier {
  const digits = text.replace(/[\s.\-\u00a0]/g, '');
  if (/^\d{12}$/.test(digits)) {
    const id = parseCitizenId(digits);
    if (id.ok) return { citizenId: id.value };
  }
  const phone = parsePhone(text);
  if (phone.ok) return { phone: phone.value };
  throw invalid(
    [
      {
        field: 'identifier',
        vi: 'Nhập số điện thoại di động (ví dụ 0912 345 678) hoặc số CCCD 12 chữ số.',
        en: 'Enter a mobile number (e.g. 0912 345 678) or a 12-digit citizen ID (CCCD).',
      },
    ],
    'Số điện thoại hoặc số CCCD chưa đúng.',
    'The phone number or citizen ID is not valid.',
  );
}

/** +84912345678 -> "+84 9** *** 678": enough for the owner to recognise, not to read out. */
export function maskPhone(e164: string) {
  const national = e164.replace(/^\+84/, '');
  return `+84 ${national.slice(0, 1)}** *** ${national.slice(-3)}`;
}

/** an.nguyen@gmail.com -> "a***@gmail.com". */
export function maskEmail(email: string) {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

const hashIdentifier = (id: Identifier) =>
  createHash('sha256')
    .update(`congdoan-sign-in:${'phone' in id ? id.phone : id.citizenId}`)
    .digest('base64url');

const hashCode = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest('base64url');

function codeMatches(stored: string, code: string) {
  const [salt = '', hash = ''] = stored.split(':');
  const a = Buffer.from(hash);
  const b = Buffer.from(hashCode(salt, code));
  return a.length === b.length && timingSafeEqual(a, b);
}

const tryLater = (seconds: number) =>
  new AppError(
    'sign_in_code_too_soon',
    429,
    `Bạn vừa yêu cầu mã cho số này. Vui lòng thử lại sau ${seconds} giây.`,
    `A code was just requested for this number. Please try again in ${seconds} seconds.`,
  );

/**
 * Issues a one-time code. Every identifier gets a challenge, member or not, with the same work done
 * (code drawn, hashed, stored), so neither the answer nor its timing tells who is a member; only a
 * member's code is sent. Sending does not hold up the answer: a gateway's delay would tell too.
 */
export async function requestCode(
  db: Db,
  channel: Channel,
  log: FastifyBaseLogger,
  identifierText: string,
): Promise<Challenge> {
  const id = parseIdentifier(identifierText);
  const identifierHash = hashIdentifier(id);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('base64url');
  const { challengeId, destination, to } = await db.transaction(async (tx) => {
    await q.lockIdentifier(tx, identifierHash);
    const recent = await q.selectRecentCodes(tx, identifierHash);
    if (recent.sinceLast !== null && recent.sinceLast < RESEND_AFTER_SECONDS)
      throw tryLater(Math.max(1, Math.ceil(RESEND_AFTER_SECONDS - recent.sinceLast)));
    if (recent.inHour >= MAX_CODES_PER_HOUR) throw tryLater(Math.max(1, Math.ceil(3600 - (recent.sinceFirst ?? 0))));
    const person = await q.selectSignInPerson(tx, id);
    const to: Destination | null = person?.phone
      ? { phone: person.phone }
      : person?.email
        ? { email: person.email }
        : null;
    // Where it went, kept on the row for the officers' records.
    const destination = to?.phone ? maskPhone(to.phone) : to?.email ? maskEmail(to.email) : null;
    // What the answer shows: a typed phone back, masked (it says nothing new); for a CCCD nothing,
    // since a destination shown only for members' CCCDs would tell a stranger who is a member.
    const shown = 'phone' in id ? maskPhone(id.phone) : null;
    const challengeId = await q.insertCode(tx, {
      identifierHash,
      personId: person?.personId ?? null,
      codeHash: `${salt}:${hashCode(salt, code)}`,
      channel: channel.name,
      destination,
      ttlSeconds: CODE_TTL_SECONDS,
    });
    return { challengeId, destination: shown, to };
  });
  if (to)
    channel
      .send(to, codeMessage(code), code)
      .catch((err: unknown) => log.error({ err, challengeId }, 'sign-in code could not be sent'));
  return { challengeId, destination, expiresInSeconds: CODE_TTL_SECONDS };
}

const expired = () =>
  new AppError(
    'sign_in_code_expired',
    400,
    'Mã này đã hết hạn, đã được dùng hoặc đã nhập sai quá nhiều lần. Hãy yêu cầu mã mới.',
    'This code has expired, was already used or was mistyped too often. Request a new code.',
  );

/**
 * Checks a code and, when right, starts the member's session in the same transaction that uses the
 * code up, with the sign-in in the audit log. A wrong code says how many tries are left.
 */
export async function verifyCode(db: Db, challengeId: number, code: string, requestId?: string) {
  const claim = await q.claimAttempt(db, challengeId, MAX_ATTEMPTS);
  if (!claim) throw expired();
  // An unknown identifier's challenge never matches: its code was never sent to anyone.
  if (claim.personId === null || !codeMatches(claim.codeHash, code)) {
    const left = MAX_ATTEMPTS - claim.attempts;
    if (left <= 0) throw expired();
    throw new AppError(
      'sign_in_code_wrong',
      400,
      `Mã không đúng. Bạn còn ${left} lần thử.`,
      `The code is not right. You have ${left} ${left === 1 ? 'try' : 'tries'} left.`,
      [{ field: 'code', vi: `Mã không đúng, còn ${left} lần thử.`, en: `Wrong code, ${left} left.` }],
    );
  }
  const personId = claim.personId;
  return db.transaction(async (tx) => {
    if (!(await q.markUsed(tx, challengeId))) throw expired();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + MEMBER_SESSION_DAYS * 86_400_000);
    await q.insertSession(tx, hashToken(token), personId, expiresAt);
    await recordAudit(
      tx,
      { id: null, name: `member:${personId}`, requestId },
      { action: 'member.sign_in', entityType: 'person', entityId: personId, after: { challengeId } },
    );
    return { token, expiresAt, personId };
  });
}

/** The signed-in member's own profile and e-card. */
export async function appMe(db: Db, personId: number, origin: string): Promise<AppMe> {
  const p = await q.selectAppPerson(db, personId);
  if (!p)
    throw new AppError(
      'member_unauthenticated',
      401,
      'Bạn cần đăng nhập lại bằng mã một lần.',
      'Sign in again with a one-time code.',
    );
  return {
    personId: Number(p.personId),
    fullName: p.fullName,
    birthDate: p.birthDate,
    gender: p.gender,
    unit: p.unitId !== null && p.unitName !== null ? { id: Number(p.unitId), name: p.unitName } : null,
    card: await activeECard(db, personId, origin),
  };
}
