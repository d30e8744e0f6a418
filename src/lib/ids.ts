/**
 * Vietnamese identifiers as officers type them (and as Excel mangles them): citizen ID (CCCD),
 * legacy ID card (CMND), mobile phone, social insurance number, enterprise tax code. Each parser
 * returns the normalised value, or a message in Vietnamese and English saying what is wrong and
 * how to fix it, for the form field or the import row that holds it.
 */

export type IdResult =
  | { ok: true; value: string }
  /** code is stable (tests, API clients); vi and en are for people. */
  | { ok: false; code: string; vi: string; en: string };

const ok = (value: string): IdResult => ({ ok: true, value });
const refuse = (code: string, vi: string, en: string): IdResult => ({ ok: false, code, vi, en });

/**
 * Strips the separators people type or paste (spaces, dots, dashes, non-breaking spaces); returns
 * null when anything but digits is left, so that 'O40...' (letter O) is refused, not guessed.
 */
function digitsOf(text: string): string | null {
  const stripped = text.replace(/[\s.\-\u00a0\u200b]/g, '');
  return /^\d*$/.test(stripped) ? stripped : null;
}

const notDigits = (vi: string, en: string) =>
  refuse(
    'not_digits',
    `${vi} chỉ gồm chữ số; hãy xóa chữ cái và ký hiệu.`,
    `${en} has digits only; remove letters and symbols.`,
  );

const empty = (vi: string, en: string) => refuse('empty', `Chưa nhập ${vi}.`, `${en} is empty.`);

// ---------------------------------------------------------------------------------------------
// Citizen ID (CCCD): PPP G YY NNNNNN (Thông tư 07/2016/TT-BCA, Thông tư 59/2021/TT-BCA).

/** The 63 province codes (before the 2025 merger) that open a CCCD: where the birth was registered. */
export const CITIZEN_ID_PROVINCES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Thành phố Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export type Gender = 'male' | 'female';

// The fourth digit tells gender and century: even male, odd female; 0-1 the 1900s, 2-3 the 2000s,
// 4-5 the 2100s, 6-7 the 2200s, 8-9 the 1800s.
const CENTURY_START = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800] as const;

/** The century-and-gender digit (4th) for a birth year and gender; the inverse of describeCitizenId. */
export function citizenIdCenturyDigit(birthYear: number, gender: Gender): number {
  const index = CENTURY_START.indexOf((Math.floor(birthYear / 100) * 100) as (typeof CENTURY_START)[number]);
  if (index < 0) throw new Error(`no CCCD century digit for ${birthYear}`);
  return index + (gender === 'female' ? 1 : 0);
}

export type CitizenIdFacts = { provinceCode: string; gender: Gender; birthYear: number };

/** What a 12-digit CCCD says about its holder; null when it is not 12 digits. */
export function describeCitizenId(id: string): CitizenIdFacts | null {
  if (!/^\d{12}$/.test(id)) return null;
  const g = Number(id[3]);
  return {
    provinceCode: id.slice(0, 3),
    gender: g % 2 === 0 ? 'male' : 'female',
    birthYear: (CENTURY_START[g] as number) + Number(id.slice(4, 6)),
  };
}

const genderVi = (g: Gender) => (g === 'male' ? 'nam' : 'nữ');

export function parseCitizenId(text: string, opts: { birthYear?: number; gender?: Gender } = {}): IdResult {
  const raw = digitsOf(text);
  if (raw === null) return notDigits('Số CCCD', 'A citizen ID (CCCD)');
  if (raw.length === 0) return empty('số CCCD', 'The citizen ID (CCCD)');
  // Excel stores a CCCD as a number and drops its leading zero; every province code starts with 0.
  const id = raw.length === 11 ? `0${raw}` : raw;
  if (id.length !== 12) {
    return refuse(
      'length',
      `Số CCCD phải có 12 chữ số, ô này có ${raw.length}. Hãy kiểm tra lại trên thẻ căn cước.`,
      `A citizen ID (CCCD) has 12 digits; this one has ${raw.length}. Check it against the card.`,
    );
  }
  const facts = describeCitizenId(id) as CitizenIdFacts;
  if (!CITIZEN_ID_PROVINCES[facts.provinceCode]) {
    return refuse(
      'province',
      `Ba chữ số đầu (${facts.provinceCode}) không phải mã tỉnh nơi đăng ký khai sinh (ví dụ 040 là Nghệ An). Hãy kiểm tra lại số CCCD.`,
      `The first three digits (${facts.provinceCode}) are not a province code of birth registration (e.g. 040 Nghệ An). Check the CCCD.`,
    );
  }
  if (opts.gender && opts.gender !== facts.gender) {
    return refuse(
      'gender',
      `Chữ số thứ 4 (${id[3]}) là của người ${genderVi(facts.gender)}, nhưng giới tính đã nhập là ${genderVi(opts.gender)}. Hãy sửa giới tính hoặc số CCCD.`,
      `The 4th digit (${id[3]}) belongs to a ${facts.gender}, but the gender entered is ${opts.gender}. Correct the gender or the CCCD.`,
    );
  }
  if (opts.birthYear !== undefined && opts.birthYear !== facts.birthYear) {
    const centuryWrong = Math.floor(opts.birthYear / 100) * 100 !== (CENTURY_START[Number(id[3])] as number);
    if (centuryWrong) {
      return refuse(
        'century',
        `Chữ số thứ 4 (${id[3]}) chỉ người sinh năm ${facts.birthYear - (facts.birthYear % 100)}-${facts.birthYear - (facts.birthYear % 100) + 99}, nhưng năm sinh đã nhập là ${opts.birthYear}. Hãy sửa năm sinh hoặc số CCCD.`,
        `The 4th digit (${id[3]}) means born in ${facts.birthYear - (facts.birthYear % 100)}-${facts.birthYear - (facts.birthYear % 100) + 99}, but the birth year entered is ${opts.birthYear}. Correct the birth year or the CCCD.`,
      );
    }
    return refuse(
      'birth_year',
      `Chữ số thứ 5-6 (${id.slice(4, 6)}) là hai số cuối của năm sinh, nhưng năm sinh đã nhập là ${opts.birthYear}. Hãy sửa năm sinh hoặc số CCCD.`,
      `Digits 5-6 (${id.slice(4, 6)}) are the last two digits of the birth year, but the birth year entered is ${opts.birthYear}. Correct the birth year or the CCCD.`,
    );
  }
  return ok(id);
}

// ---------------------------------------------------------------------------------------------
// Legacy ID card (CMND): 9 digits. (12-digit CMND numbers were issued 2012-2016 but follow the CCCD
// layout; they are entered as a CCCD.)

export function parseLegacyIdNo(text: string): IdResult {
  const raw = digitsOf(text);
  if (raw === null) return notDigits('Số CMND', 'A legacy ID card number (CMND)');
  if (raw.length === 0) return empty('số CMND', 'The legacy ID card number (CMND)');
  // Old CMND of some provinces start with 0 (e.g. 0xx for the Hà Nội series): Excel drops it.
  const id = raw.length === 8 ? `0${raw}` : raw;
  if (id.length !== 9) {
    return refuse(
      'length',
      `Số CMND cũ có 9 chữ số, ô này có ${raw.length}. Nếu là thẻ 12 số, hãy nhập vào ô CCCD.`,
      `A legacy ID card (CMND) has 9 digits; this one has ${raw.length}. A 12-digit number goes in the CCCD field.`,
    );
  }
  return ok(id);
}

// ---------------------------------------------------------------------------------------------
// Mobile phone: stored E.164, '+84' and the 9-digit national number without its trunk 0.

/** The 2018 renumbering of 11-digit mobiles: old '1xx' after the trunk 0 -> new two digits. */
const RENUMBERED: Readonly<Record<string, string>> = {
  '162': '32',
  '163': '33',
  '164': '34',
  '165': '35',
  '166': '36',
  '167': '37',
  '168': '38',
  '169': '39',
  '120': '70',
  '121': '79',
  '122': '77',
  '126': '76',
  '128': '78',
  '123': '83',
  '124': '84',
  '125': '85',
  '127': '81',
  '129': '82',
  '186': '56',
  '188': '58',
  '199': '59',
};

/** Mobile network prefixes in use (first two digits of the national number). */
const MOBILE_PREFIX = /^(3[2-9]|5[25689]|7[06789]|8[1-9]|9\d)$/;

export function parsePhone(text: string): IdResult {
  const trimmed = text.trim();
  const plus = trimmed.startsWith('+');
  const raw = digitsOf(trimmed.replace(/^\+/, '').replace(/[()]/g, ''));
  if (raw === null) return notDigits('Số điện thoại', 'A phone number');
  if (raw.length === 0) return empty('số điện thoại', 'The phone number');
  let national = raw;
  if (national.startsWith('0084')) national = national.slice(4);
  else if (plus || ((national.length === 11 || national.length === 12) && national.startsWith('84')))
    national = national.slice(2);
  if (plus && raw.slice(0, 2) !== '84') {
    return refuse(
      'foreign',
      'Chỉ nhận số di động Việt Nam (+84). Hãy nhập số bắt đầu bằng 0 hoặc +84.',
      'Only Vietnamese mobiles (+84) are accepted. Enter a number starting with 0 or +84.',
    );
  }
  // '+84 0912…': the trunk 0 kept after the country code; '912…': the trunk 0 lost in Excel.
  if (national.startsWith('0')) national = national.slice(1);
  if (national.length === 10 && national.startsWith('1')) {
    const renumbered = RENUMBERED[national.slice(0, 3)];
    if (!renumbered) {
      return refuse(
        'old_prefix',
        `Đầu số cũ 0${national.slice(0, 3)} không có trong bảng chuyển đổi 11 số sang 10 số năm 2018. Hãy hỏi lại số hiện dùng.`,
        `The old prefix 0${national.slice(0, 3)} is not in the 2018 table of 11- to 10-digit numbers. Ask for the number in use.`,
      );
    }
    national = renumbered + national.slice(3);
  }
  if (national.startsWith('2')) {
    return refuse(
      'landline',
      'Đây là số máy bàn (đầu 02…). Cần số điện thoại di động, ví dụ 0912 345 678.',
      'This is a landline (02…). A mobile number is expected, e.g. 0912 345 678.',
    );
  }
  if (national.length !== 9) {
    return refuse(
      'length',
      `Số di động có 10 chữ số (kể cả số 0 đầu), ô này có ${national.length + 1}. Hãy kiểm tra lại.`,
      `A mobile number has 10 digits (with the leading 0); this one has ${national.length + 1}. Check it.`,
    );
  }
  if (!MOBILE_PREFIX.test(national.slice(0, 2))) {
    return refuse(
      'prefix',
      `Đầu số 0${national.slice(0, 2)} không phải đầu số di động Việt Nam. Hãy kiểm tra lại.`,
      `0${national.slice(0, 2)} is not a Vietnamese mobile prefix. Check the number.`,
    );
  }
  return ok(`+84${national}`);
}

// ---------------------------------------------------------------------------------------------
// Social insurance number (mã số BHXH): 10 digits.

export function parseSocialInsuranceNo(text: string): IdResult {
  const raw = digitsOf(text);
  if (raw === null) return notDigits('Mã số BHXH', 'A social insurance number');
  if (raw.length === 0) return empty('mã số BHXH', 'The social insurance number');
  // Codes of provinces 01-09 start with 0, which Excel drops.
  const no = raw.length === 9 ? `0${raw}` : raw;
  if (no.length !== 10) {
    return refuse(
      'length',
      `Mã số BHXH có 10 chữ số, ô này có ${raw.length}. Hãy xem trên sổ hoặc ứng dụng VssID.`,
      `A social insurance number has 10 digits; this one has ${raw.length}. See the insurance book or the VssID app.`,
    );
  }
  return ok(no);
}

// ---------------------------------------------------------------------------------------------
// Enterprise tax code (mã số doanh nghiệp / mã số thuế): NNNNNNNNNC or NNNNNNNNNC-BBB for a branch.

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The 10th digit of a tax code from its first nine (Quyết định 75/1998/QĐ-TCT): 10 - (Σ wᵢ·dᵢ mod 11).
 * Remainders 1..10 give check digits 9..0, one each; remainder 0 would give 10, which is not a digit,
 * so the tax office never issues such a nine-digit prefix: null. (It cannot give 11: a remainder is ≥ 0.)
 */
export function taxCodeCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) throw new Error('taxCodeCheckDigit needs nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (TAX_WEIGHTS[i] as number) * Number(first9[i]);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

export function parseTaxCode(text: string): IdResult {
  const typed = digitsOf(text);
  if (typed === null) return notDigits('Mã số thuế', 'A tax code');
  if (typed.length === 0) return empty('mã số thuế', 'The tax code');
  // Excel stores a tax code as a number and drops the leading zero of provinces 01-09 (Hà Nội is
  // 01); the check digit still guards the restored code.
  const raw = typed.length === 9 || typed.length === 12 ? `0${typed}` : typed;
  if (raw.length !== 10 && raw.length !== 13) {
    return refuse(
      'length',
      `Mã số thuế có 10 chữ số, hoặc 13 chữ số dạng xxxxxxxxxx-yyy cho chi nhánh; ô này có ${raw.length}.`,
      `A tax code has 10 digits, or 13 as xxxxxxxxxx-yyy for a branch; this one has ${raw.length}.`,
    );
  }
  const main = raw.slice(0, 10);
  // Digits 3-9 are a sequence from 0000001: all zeros was never issued.
  if (main.slice(2, 9) === '0000000') {
    return refuse(
      'sequence',
      'Chữ số thứ 3 đến 9 của mã số thuế không thể đều là 0. Hãy kiểm tra lại trên giấy chứng nhận đăng ký doanh nghiệp.',
      'Digits 3 to 9 of a tax code cannot all be 0. Check the enterprise registration certificate.',
    );
  }
  const expected = taxCodeCheckDigit(main.slice(0, 9));
  if (expected === null || expected !== Number(main[9])) {
    return refuse(
      'check_digit',
      `Mã số thuế ${main} sai chữ số kiểm tra (chữ số thứ 10): có thể gõ nhầm một chữ số. Hãy đối chiếu với giấy chứng nhận đăng ký doanh nghiệp.`,
      `Tax code ${main} fails its check digit (the 10th): a digit was probably mistyped. Compare it with the registration certificate.`,
    );
  }
  if (raw.length === 10) return ok(main);
  const branch = raw.slice(10);
  if (branch === '000') {
    return refuse(
      'branch',
      'Ba chữ số chi nhánh (sau dấu -) đi từ 001 đến 999, không thể là 000.',
      'The three branch digits (after the dash) run from 001 to 999; 000 is not one.',
    );
  }
  return ok(`${main}-${branch}`);
}
