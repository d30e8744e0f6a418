/**
 * From membership periods to the rows the database keeps: numbered memberships, their dated
 * events (admission and expulsion decisions numbered per CĐCS and year), and member cards.
 */
import type { memberCard, membership, membershipEvent } from '../../db/schema/members.ts';
import { addDays, maxDate, minDate } from '../dates.ts';
import type { Random } from '../random.ts';
import type { Period } from './history.ts';
import type { MemberUnit } from './units.ts';

export type MembershipRow = typeof membership.$inferInsert;
export type EventRow = typeof membershipEvent.$inferInsert;
export type CardRow = typeof memberCard.$inferInsert;

/** Periods in (person, start) order with ids from 1: a member's history reads top to bottom. */
export function numberPeriods(periods: Period[]): Period[] {
  const sorted = [...periods].sort((a, b) =>
    a.personId !== b.personId
      ? a.personId - b.personId
      : a.validFrom < b.validFrom
        ? -1
        : a.validFrom > b.validFrom
          ? 1
          : 0,
  );
  sorted.forEach((p, i) => {
    p.id = i + 1;
  });
  return sorted;
}

/**
 * The periods as membership rows, with the person's gender and birth date on each (what the row
 * triggers would otherwise look up one row at a time).
 */
export function membershipRows(
  periods: Period[],
  persons: { id?: number | undefined; gender?: string | null | undefined; birthDate?: string | null | undefined }[],
): MembershipRow[] {
  const byId = new Map(persons.map((p) => [p.id, p]));
  return periods.map((p) => ({
    id: p.id,
    personId: p.personId,
    unitId: p.unitId,
    validFrom: p.validFrom,
    validTo: p.validTo,
    startKind: p.startKind,
    endKind: p.endKind,
    gender: byId.get(p.personId)?.gender ?? null,
    birthDate: byId.get(p.personId)?.birthDate ?? null,
  }));
}

/** Recorded on the afternoon of the day it happened (Vietnam time): the seed has no later edits. */
const recordedAt = (day: string) => new Date(`${day}T15:00:00+07:00`);

/** The events of numbered periods; a transfer is one event for the closing and opening pair. */
export function eventRows(periods: Period[]): EventRow[] {
  const counters = new Map<string, number>();
  const decision = (unitId: number, day: string) => {
    const key = `${unitId}:${day.slice(0, 4)}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${n}/QĐ-CĐCS`;
  };
  const rows: EventRow[] = [];
  const add = (p: Period, row: Omit<EventRow, 'id' | 'personId' | 'recordedAt'>) =>
    rows.push({ id: rows.length + 1, personId: p.personId, recordedAt: recordedAt(row.onDate), ...row });
  periods.forEach((p, i) => {
    if (p.startKind === 'admission' || p.startKind === 'readmission') {
      add(p, {
        kind: p.startKind,
        onDate: p.validFrom,
        toUnitId: p.unitId,
        decisionNo: decision(p.unitId, p.validFrom),
      });
    }
    if (p.validTo === null || p.endKind === null) return;
    if (p.endKind === 'transfer_out') {
      const next = periods[i + 1];
      if (next?.personId !== p.personId || next.startKind !== 'transfer_in')
        throw new Error(`transfer of ${p.personId} has no arrival`);
      add(p, { kind: 'transfer', onDate: p.validTo, fromUnitId: p.unitId, toUnitId: next.unitId, reason: p.endReason });
      return;
    }
    const decisionNo = p.endKind === 'expulsion' ? decision(p.unitId, p.validTo) : null;
    add(p, { kind: p.endKind, onDate: p.validTo, fromUnitId: p.unitId, decisionNo, reason: p.endReason });
  });
  return rows;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function token(random: Random): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += TOKEN_ALPHABET[Math.floor(random.next() * 64)];
  return s;
}

/**
 * Cards: most open members hold an active card of their CĐCS (some after a replaced one); a member
 * who transferred handed in the old unit's card. Numbers run per unit: '40C00123-000045'.
 */
export function cardRows(periods: Period[], units: Map<number, MemberUnit>, random: Random, today: string): CardRow[] {
  const rows: CardRow[] = [];
  const seq = new Map<number, number>();
  const tokens = new Set<string>();
  const add = (
    p: Period,
    issuedOn: string,
    status: 'active' | 'replaced',
    endedOn: string | null,
    endReason: string | null,
  ) => {
    const unit = units.get(p.unitId) as MemberUnit;
    const n = (seq.get(unit.id) ?? 0) + 1;
    seq.set(unit.id, n);
    let verifyToken = token(random);
    while (tokens.has(verifyToken)) verifyToken = token(random);
    tokens.add(verifyToken);
    rows.push({
      id: rows.length + 1,
      cardNo: `${unit.code}-${String(n).padStart(6, '0')}`,
      personId: p.personId,
      unitId: unit.id,
      issuedOn,
      status,
      endedOn,
      endReason,
      verifyToken,
    });
  };
  // Cards as they are known today were issued from 2016 on, within months of joining.
  const firstIssue = (p: Period) => minDate(addDays(maxDate(p.validFrom, '2016-01-01'), random.int(0, 120)), today);
  for (const p of periods) {
    if (p.endKind === 'transfer_out' && p.validTo && p.validTo > '2016-06-01' && random.chance(0.7)) {
      const issued = firstIssue(p);
      if (issued < p.validTo) add(p, issued, 'replaced', p.validTo, 'Chuyển sinh hoạt công đoàn');
      continue;
    }
    if (p.validTo !== null || !random.chance(0.92)) continue;
    const issued = firstIssue(p);
    const reissue = addDays(issued, random.int(365, 6 * 365));
    if (random.chance(0.06) && reissue < today) {
      add(p, issued, 'replaced', reissue, random.pick(['Mất thẻ', 'Thẻ hỏng', 'Đổi thông tin cá nhân']));
      add(p, reissue, 'active', null, null);
    } else add(p, issued, 'active', null, null);
  }
  return rows;
}
