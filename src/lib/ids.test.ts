import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CITIZEN_ID_PROVINCES,
  citizenIdCenturyDigit,
  describeCitizenId,
  type IdResult,
  parseCitizenId,
  parseLegacyIdNo,
  parsePhone,
  parseSocialInsuranceNo,
  parseTaxCode,
  taxCodeCheckDigit,
} from './ids.ts';

const value = (r: IdResult) => (r.ok ? r.value : `refused: ${r.code}`);
const refusal = (r: IdResult) => (r.ok ? { code: 'accepted', vi: '', en: '' } : r);

const provinces = Object.keys(CITIZEN_ID_PROVINCES);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A valid tax code: nine digits (not an all-zero sequence) whose check digit exists, plus it. */
const taxCode = digits(9)
  .filter((d) => d.slice(2) !== '0000000' && taxCodeCheckDigit(d) !== null)
  .map((d) => `${d}${taxCodeCheckDigit(d)}`);

describe('citizen ID (CCCD)', () => {
  it('lists the 63 pre-2025 province codes, Nghệ An as 040', () => {
    expect(provinces).toHaveLength(63);
    expect(CITIZEN_ID_PROVINCES['040']).toBe('Nghệ An');
    expect(CITIZEN_ID_PROVINCES['003']).toBeUndefined();
  });

  it('a CCCD built from (province, gender, birth year) parses and describes back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 1800, max: 2299 }),
        digits(6),
        (province, gender, year, serial) => {
          const id = `${province}${citizenIdCenturyDigit(year, gender)}${String(year % 100).padStart(2, '0')}${serial}`;
          expect(value(parseCitizenId(id, { birthYear: year, gender }))).toBe(id);
          expect(describeCitizenId(id)).toEqual({ provinceCode: province, gender, birthYear: year });
        },
      ),
    );
  });

  it('accepts stray spaces and dots, and restores the leading zero Excel dropped', () => {
    expect(value(parseCitizenId(' 040 195 012 345 '))).toBe('040195012345');
    expect(value(parseCitizenId('040.195.012.345'))).toBe('040195012345');
    expect(value(parseCitizenId('40195012345'))).toBe('040195012345');
  });

  it('refuses letters, wrong lengths and unknown province codes, saying which digits', () => {
    expect(refusal(parseCitizenId('O40195012345')).code).toBe('not_digits');
    expect(refusal(parseCitizenId('')).code).toBe('empty');
    const short = refusal(parseCitizenId('0401950123'));
    expect(short.code).toBe('length');
    expect(short.vi).toContain('12 chữ số');
    expect(short.en).toContain('this one has 10');
    const province = refusal(parseCitizenId('003195012345'));
    expect(province.code).toBe('province');
    expect(province.vi).toContain('(003)');
    expect(province.en).toContain('province code');
  });

  it('says which digit disagrees with the gender or birth year entered', () => {
    // 040 1 95 …: a woman born in 1995.
    const gender = refusal(parseCitizenId('040195012345', { gender: 'male' }));
    expect(gender.code).toBe('gender');
    expect(gender.vi).toContain('Chữ số thứ 4 (1)');
    const century = refusal(parseCitizenId('040195012345', { birthYear: 2095 }));
    expect(century.code).toBe('century');
    expect(century.en).toContain('4th digit (1)');
    const year = refusal(parseCitizenId('040195012345', { birthYear: 1996 }));
    expect(year.code).toBe('birth_year');
    expect(year.vi).toContain('5-6 (95)');
    expect(value(parseCitizenId('040195012345', { birthYear: 1995, gender: 'female' }))).toBe('040195012345');
  });

  it('describes nothing but 12 digits', () => {
    expect(describeCitizenId('04019501234')).toBeNull();
    expect(describeCitizenId('040805012345')).toEqual({ provinceCode: '040', gender: 'male', birthYear: 1805 });
  });
});

describe('legacy ID card (CMND)', () => {
  it('keeps 9 digits, restores a lost leading zero, refuses other lengths', () => {
    expect(value(parseLegacyIdNo('186 123 456'))).toBe('186123456');
    expect(value(parseLegacyIdNo('12345678'))).toBe('012345678');
    const twelve = refusal(parseLegacyIdNo('040195012345'));
    expect(twelve.code).toBe('length');
    expect(twelve.vi).toContain('ô CCCD');
  });

  it('round-trips any 9 digits, with or without the leading zero', () => {
    fc.assert(
      fc.property(digits(9), (id) => {
        expect(value(parseLegacyIdNo(id))).toBe(id);
        if (id.startsWith('0')) expect(value(parseLegacyIdNo(id.slice(1)))).toBe(id);
      }),
    );
  });
});

describe('mobile phone', () => {
  it.each([
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['+84 912345678', '+84912345678'],
    ['+84 (0) 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['912345678', '+84912345678'],
    ['01652 345 678', '+84352345678'],
    ['0120 234 5678', '+84702345678'],
    ['0123 234 5678', '+84832345678'],
    ['0186 234 5678', '+84562345678'],
    ['0199 234 5678', '+84592345678'],
    ['+84 1692345678', '+84392345678'],
  ])('reads %s as %s', (input, expected) => {
    expect(value(parsePhone(input))).toBe(expected);
  });

  it('refuses a landline, saying a mobile is expected', () => {
    const landline = refusal(parsePhone('0238 3844 123'));
    expect(landline.code).toBe('landline');
    expect(landline.vi).toContain('di động');
    expect(landline.en).toContain('mobile');
  });

  it('refuses unknown old prefixes, unused prefixes, wrong lengths and foreign numbers', () => {
    expect(refusal(parsePhone('01312345678')).code).toBe('old_prefix');
    expect(refusal(parsePhone('0112 345 678')).code).toBe('prefix');
    expect(refusal(parsePhone('0512 345 678')).code).toBe('prefix');
    expect(refusal(parsePhone('0912 345 67')).code).toBe('length');
    expect(refusal(parsePhone('+1 202 555 0100')).code).toBe('foreign');
    expect(refusal(parsePhone('09l2345678')).code).toBe('not_digits');
  });

  it('every mobile in a valid prefix round-trips from its local, international and Excel forms', () => {
    const prefix = fc.constantFrom(
      ...['32', '33', '34', '35', '36', '37', '38', '39', '52', '55', '56', '58', '59', '70', '76', '77', '78', '79'],
      ...['81', '82', '83', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93', '94', '96', '97', '98', '99'],
    );
    fc.assert(
      fc.property(prefix, digits(7), (p, rest) => {
        const e164 = `+84${p}${rest}`;
        expect(value(parsePhone(`0${p}${rest}`))).toBe(e164);
        expect(value(parsePhone(e164))).toBe(e164);
        expect(value(parsePhone(`${p}${rest}`))).toBe(e164);
        expect(value(parsePhone(value(parsePhone(`0${p} ${rest.slice(0, 3)} ${rest.slice(3)}`))))).toBe(e164);
      }),
    );
  });
});

describe('social insurance number', () => {
  it('keeps 10 digits, restores a lost leading zero, refuses other lengths', () => {
    expect(value(parseSocialInsuranceNo('4012 345 678'))).toBe('4012345678');
    expect(value(parseSocialInsuranceNo('112345678'))).toBe('0112345678');
    expect(refusal(parseSocialInsuranceNo('40123456')).code).toBe('length');
    expect(refusal(parseSocialInsuranceNo('40123456')).vi).toContain('10 chữ số');
  });
});

describe('enterprise tax code', () => {
  it('knows published codes and their check digit', () => {
    expect(value(parseTaxCode('0100233488'))).toBe('0100233488');
    expect(value(parseTaxCode('01.00.112.437'))).toBe('0100112437');
    expect(taxCodeCheckDigit('010023348')).toBe(8);
    expect(taxCodeCheckDigit('031440905')).toBe(8);
  });

  it('normalises a branch code to the dashed form', () => {
    expect(value(parseTaxCode('0314409058002'))).toBe('0314409058-002');
    expect(value(parseTaxCode('0312 68 78 78 - 001'))).toBe('0312687878-001');
    expect(refusal(parseTaxCode('0314409058-000')).code).toBe('branch');
  });

  it('refuses a wrong check digit, an all-zero sequence and wrong lengths, with a way to fix it', () => {
    const wrong = refusal(parseTaxCode('0100233480'));
    expect(wrong.code).toBe('check_digit');
    expect(wrong.vi).toContain('chữ số kiểm tra');
    expect(wrong.en).toContain('registration certificate');
    expect(refusal(parseTaxCode('2900000000')).code).toBe('sequence');
    expect(refusal(parseTaxCode('01002334')).code).toBe('length');
  });

  it('has no check digit for a prefix whose weighted sum is a multiple of 11', () => {
    // One prefix in eleven has no check digit: find one among a thousand neighbours.
    const prefix = Array.from({ length: 1000 }, (_, i) => `290010${String(i).padStart(3, '0')}`).find(
      (p) => taxCodeCheckDigit(p) === null,
    ) as string;
    expect(prefix).toBeDefined();
    for (let c = 0; c <= 9; c++) expect(refusal(parseTaxCode(`${prefix}${c}`)).code).toBe('check_digit');
  });

  it('generated valid codes round-trip, with and without a branch', () => {
    fc.assert(
      fc.property(taxCode, fc.integer({ min: 1, max: 999 }), (code, branch) => {
        expect(value(parseTaxCode(code))).toBe(code);
        const b = String(branch).padStart(3, '0');
        expect(value(parseTaxCode(`${code}${b}`))).toBe(`${code}-${b}`);
      }),
    );
  });

  /*
   * Any single-digit change is caught, with no exception: a change of d ≠ 0 (mod 10, so |d| ≤ 9) in
   * position i moves the sum by wᵢ·d, and 11 is prime and divides neither wᵢ (31…3) nor d, so the
   * remainder changes; remainders 1..10 map one-to-one onto check digits 9..0, and remainder 0 has
   * none. A changed check digit is caught because each prefix has exactly one. (Transpositions of
   * neighbours are not all caught: that is not what this test claims.)
   */
  it('catches every single-digit change of a valid code', () => {
    fc.assert(
      fc.property(taxCode, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (code, pos, delta) => {
        const changed = `${code.slice(0, pos)}${(Number(code[pos]) + delta) % 10}${code.slice(pos + 1)}`;
        expect(parseTaxCode(changed).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
