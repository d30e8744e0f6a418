/**
 * What kind of workplace a CĐCS is, judged from its name as an officer would, and what that means
 * for its members: how many, how many women, how old, how schooled, what they do.
 */
import type { Random } from '../random.ts';
import { FOREIGN_BRANDS } from '../words.ts';
import type { MemberUnit } from './units.ts';

export type Kind =
  | 'preschool'
  | 'school'
  | 'high_school'
  | 'college'
  | 'hospital'
  | 'health_centre'
  | 'health_station'
  | 'commune'
  | 'agency'
  | 'media'
  | 'enterprise'
  | 'fdi'
  | 'fdi_large'
  | 'factory_unit'
  | 'association';

export type Profile = {
  kind: Kind;
  /** Members today, before the province-wide calibration. */
  size: number;
  women: number;
  party: number;
  /** Mean birth year of members and its spread. */
  born: [mean: number, spread: number];
  education: readonly (readonly [string, number])[];
  occupations: readonly (readonly [string, number])[];
  /** Public bodies: civil servants, nearly all with a social insurance number and many party members. */
  publicBody: boolean;
};

const EDU_TEACHER = [
  ['Đại học', 72],
  ['Cao đẳng', 14],
  ['Thạc sĩ', 12],
  ['Trung cấp', 2],
] as const;
const EDU_HEALTH = [
  ['Trung cấp', 20],
  ['Cao đẳng', 30],
  ['Đại học', 38],
  ['Thạc sĩ', 8],
  ['Tiến sĩ', 1],
  ['12/12', 3],
] as const;
const EDU_OFFICE = [
  ['Đại học', 62],
  ['Thạc sĩ', 14],
  ['Cao đẳng', 10],
  ['Trung cấp', 10],
  ['12/12', 4],
] as const;
const EDU_WORKER = [
  ['12/12', 55],
  ['9/12', 10],
  ['Trung cấp', 15],
  ['Cao đẳng', 10],
  ['Đại học', 10],
] as const;
const EDU_FACTORY = [
  ['12/12', 68],
  ['9/12', 16],
  ['Trung cấp', 8],
  ['Cao đẳng', 5],
  ['Đại học', 3],
] as const;
const EDU_INFORMAL = [
  ['9/12', 40],
  ['12/12', 45],
  ['7/12', 10],
  ['Trung cấp', 5],
] as const;

const OCC_SCHOOL = [
  ['Giáo viên', 85],
  ['Nhân viên văn phòng', 5],
  ['Kế toán', 4],
  ['Bảo vệ', 3],
  ['Nhân viên y tế học đường', 3],
] as const;
const OCC_PRESCHOOL = [
  ['Giáo viên', 80],
  ['Cấp dưỡng', 12],
  ['Kế toán', 4],
  ['Bảo vệ', 4],
] as const;
const OCC_COLLEGE = [
  ['Giảng viên', 70],
  ['Chuyên viên', 20],
  ['Kế toán', 5],
  ['Nhân viên', 5],
] as const;
const OCC_HEALTH = [
  ['Điều dưỡng', 40],
  ['Bác sĩ', 25],
  ['Hộ sinh', 8],
  ['Kỹ thuật viên', 10],
  ['Dược sĩ', 7],
  ['Nhân viên hành chính', 10],
] as const;
const OCC_COMMUNE = [
  ['Công chức', 55],
  ['Cán bộ chuyên trách', 35],
  ['Nhân viên', 10],
] as const;
const OCC_AGENCY = [
  ['Chuyên viên', 65],
  ['Kế toán', 8],
  ['Văn thư', 7],
  ['Lái xe', 5],
  ['Cán bộ', 15],
] as const;
const OCC_MEDIA = [
  ['Phóng viên', 40],
  ['Biên tập viên', 30],
  ['Kỹ thuật viên', 20],
  ['Nhân viên', 10],
] as const;
const OCC_ENTERPRISE = [
  ['Công nhân', 55],
  ['Nhân viên kinh doanh', 12],
  ['Kế toán', 8],
  ['Kỹ sư', 8],
  ['Lái xe', 7],
  ['Nhân viên văn phòng', 10],
] as const;
const OCC_FACTORY = [
  ['Công nhân', 75],
  ['Công nhân lắp ráp', 10],
  ['Tổ trưởng sản xuất', 5],
  ['Kỹ thuật viên', 5],
  ['Nhân viên văn phòng', 5],
] as const;

const TRADE_JOBS: Record<string, string> = {
  'Nghề cá': 'Ngư dân',
  'Xe ôm': 'Lái xe ôm',
  'Xây dựng': 'Thợ xây',
  'Thợ may': 'Thợ may',
  'Bốc xếp': 'Công nhân bốc xếp',
  'Nghề muối': 'Diêm dân',
  'Dịch vụ du lịch': 'Nhân viên dịch vụ du lịch',
  'Thợ mộc': 'Thợ mộc',
};

// Trades that employ mostly women, or mostly men.
const WOMENS_TRADES = /\b(May|Da giày|Thợ may|Dệt|Sunrise Apparel|Hansoll|Sewon|Youngone|Bao bì|Thực phẩm|Dược phẩm)/;
const MENS_TRADES =
  /(Xây dựng|Khoáng sản|Xi măng|Đá ốp|Gạch|Vận tải|Cơ khí|Thép|Taxi|Xe khách|Cảng|Cấp nước|Thủy lợi|Lâm nghiệp|Bốc xếp|Nghề cá|Xe ôm|Thợ mộc|Xăng dầu|Điện lực|Môi trường)/;
const ELECTRONICS = /(Điện tử|Linh kiện|Precision|Luxshare|Juteng|Shinsung|Kaifa|Hongfa|Electric|Technology)/;

/** A size drawn between min and max, log-uniformly: many small units, a few large ones. */
function logUniform(random: Random, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min))));
}

function base(
  kind: Kind,
  size: number,
  women: number,
  party: number,
): Omit<Profile, 'born' | 'education' | 'occupations' | 'publicBody'> {
  return { kind, size, women, party };
}

/** The profile of one unit; `largeFdi` says whether this industrial-zone FDI employer is one of the big ones. */
export function profileOf(random: Random, unit: MemberUnit, largeFdi: boolean): Profile {
  const bare = unit.name.replace(/^Công đoàn (cơ sở thành viên )?/, '');
  const teacher = { born: [1982, 9] as [number, number], education: EDU_TEACHER, publicBody: true };
  const office = { born: [1980, 9] as [number, number], education: EDU_OFFICE, publicBody: true };
  const worker = { born: [1988, 8] as [number, number], education: EDU_WORKER, publicBody: false };
  if (unit.type === 'trade_association_union') {
    const trade = Object.keys(TRADE_JOBS).find((t) => bare.includes(t)) ?? 'Xây dựng';
    const women = trade === 'Thợ may' ? 0.85 : trade === 'Dịch vụ du lịch' ? 0.6 : 0.1;
    return {
      ...base('association', random.int(20, 100), women, 0.02),
      born: [1980, 10],
      education: EDU_INFORMAL,
      occupations: [[TRADE_JOBS[trade] as string, 1]],
      publicBody: false,
    };
  }
  if (unit.type === 'member_grassroots_union') {
    if (/^(Trường|Khoa)/.test(bare))
      return { ...base('school', random.int(30, 80), 0.7, 0.25), ...teacher, occupations: OCC_SCHOOL };
    const women = WOMENS_TRADES.test(unit.parentName ?? '')
      ? 0.8
      : ELECTRONICS.test(unit.parentName ?? '')
        ? 0.6
        : 0.35;
    return {
      ...base('factory_unit', random.int(200, 800), women, 0.03),
      ...worker,
      education: EDU_FACTORY,
      occupations: OCC_FACTORY,
    };
  }
  if (bare.startsWith('Trường Mầm non'))
    return { ...base('preschool', random.int(15, 40), 0.97, 0.2), ...teacher, occupations: OCC_PRESCHOOL };
  if (/^Trường (Tiểu học|THCS|Phổ thông)/.test(bare))
    return { ...base('school', random.int(20, 60), 0.75, 0.22), ...teacher, occupations: OCC_SCHOOL };
  if (bare.startsWith('Trường THPT'))
    return { ...base('high_school', random.int(50, 80), 0.62, 0.28), ...teacher, occupations: OCC_SCHOOL };
  if (/^Trường (Cao đẳng|Đại học|Chính trị)/.test(bare))
    return {
      ...base('college', bare.startsWith('Trường Đại học') ? random.int(300, 600) : random.int(80, 250), 0.55, 0.35),
      ...teacher,
      occupations: OCC_COLLEGE,
    };
  const health = {
    born: [1984, 9] as [number, number],
    education: EDU_HEALTH,
    publicBody: true,
    occupations: OCC_HEALTH,
  };
  if (bare.startsWith('Bệnh viện'))
    return {
      ...base('hospital', bare.includes('Hữu nghị') ? random.int(1000, 1500) : random.int(100, 600), 0.7, 0.2),
      ...health,
    };
  if (/^Trung tâm (Y tế|Kiểm soát bệnh tật|Pháp y|Kiểm nghiệm)/.test(bare))
    return { ...base('health_centre', random.int(60, 250), 0.68, 0.22), ...health };
  if (bare.startsWith('Trạm Y tế')) return { ...base('health_station', random.int(6, 15), 0.7, 0.25), ...health };
  if (/^cơ sở (xã|phường|thị trấn)/.test(bare))
    return { ...base('commune', random.int(10, 40), 0.4, 0.55), ...office, occupations: OCC_COMMUNE };
  if (/^(Đài Phát thanh|Báo |Nhà hát)/.test(bare))
    return { ...base('media', random.int(60, 150), 0.5, 0.3), ...office, occupations: OCC_MEDIA };
  const enterprise = /^(Công ty|Doanh nghiệp|Hợp tác xã)/.test(bare);
  if (!enterprise) return { ...base('agency', random.int(10, 40), 0.5, 0.45), ...office, occupations: OCC_AGENCY };
  const fdi = FOREIGN_BRANDS.some((b) => bare.includes(b));
  const women = WOMENS_TRADES.test(bare) ? 0.8 : MENS_TRADES.test(bare) ? 0.15 : ELECTRONICS.test(bare) ? 0.62 : 0.45;
  if (fdi && largeFdi)
    return {
      ...base('fdi_large', logUniform(random, 1000, 8000), women, 0.01),
      born: [1993, 6],
      education: EDU_FACTORY,
      occupations: OCC_FACTORY,
      publicBody: false,
    };
  if (fdi)
    return {
      ...base('fdi', logUniform(random, unit.inZone ? 60 : 20, unit.inZone ? 600 : 200), women, 0.01),
      born: [1992, 6],
      education: EDU_FACTORY,
      occupations: OCC_FACTORY,
      publicBody: false,
    };
  // State-equitised and long-standing firms ('Cổ phần', 'MTV', named after the province) are bigger.
  const bigFirm = /(Cổ phần|MTV|Một thành viên)/.test(bare) && random.chance(0.1);
  return {
    ...base(
      'enterprise',
      bigFirm ? logUniform(random, 150, 800) : logUniform(random, 10, 150),
      women,
      bigFirm ? 0.12 : 0.04,
    ),
    ...worker,
    occupations: OCC_ENTERPRISE,
  };
}
