import { type FieldProblem, invalid } from '../../lib/errors.ts';
import { parseCitizenId, parseLegacyIdNo, parsePhone, parseSocialInsuranceNo } from '../../lib/ids.ts';
import { fold, personSortKey } from '../../lib/vietnamese.ts';
import type { PersonInput } from './schema.ts';

type Parsed = { ok: true; value: string } | { ok: false; vi: string; en: string };

/**
 * Checks and normalises a person's identifiers (CCCD consistent with birth year and gender, phone
 * as E.164), collecting every problem with its field so the officer fixes them in one go.
 */
export function normalisePerson(input: PersonInput, fieldPrefix = 'person') {
  const problems: FieldProblem[] = [];
  const check = (field: keyof PersonInput, parse: (v: string) => Parsed) => {
    const raw = input[field];
    if (typeof raw !== 'string' || raw === '') return null;
    const r = parse(raw);
    if (r.ok) return r.value;
    problems.push({ field: `${fieldPrefix}.${field}`, vi: r.vi, en: r.en });
    return null;
  };
  const birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : undefined;
  const citizenId = check('citizenId', (v) =>
    parseCitizenId(v, { ...(birthYear ? { birthYear } : {}), ...(input.gender ? { gender: input.gender } : {}) }),
  );
  const legacyIdNo = check('legacyIdNo', parseLegacyIdNo);
  const phone = check('phone', parsePhone);
  const socialInsuranceNo = check('socialInsuranceNo', parseSocialInsuranceNo);
  if (problems.length > 0)
    throw invalid(
      problems,
      'Thông tin đoàn viên chưa hợp lệ: xem từng trường.',
      'The member details are not valid: see each field.',
    );
  const fullName = input.fullName.replace(/\s+/g, ' ').trim();
  return {
    fullName,
    nameFolded: fold(fullName),
    sortKey: personSortKey(fullName),
    birthDate: input.birthDate ?? null,
    gender: input.gender ?? null,
    ethnicity: input.ethnicity ?? null,
    religion: input.religion ?? null,
    citizenId,
    legacyIdNo,
    socialInsuranceNo,
    phone,
    email: input.email ?? null,
    address: input.address ?? null,
    education: input.education ?? null,
    occupation: input.occupation ?? null,
    employerName: input.employerName ?? null,
    partyMember: input.partyMember ?? null,
    youthUnionMember: input.youthUnionMember ?? null,
  };
}

/** ••••••••1234: enough for an officer to tell two people apart, not enough to misuse. */
export const maskId = (id: string | null) => (id ? `${'•'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}` : null);
