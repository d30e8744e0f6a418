/**
 * Vietnamese personal names for the demo register: family name, middle name(s), given name, as
 * people in Nghệ An carry them. Family names follow their rough frequencies in the province (Hồ and
 * Đậu are commoner here than nationally); ethnic minorities have their own family names.
 */
import type { Random } from '../random.ts';

export type Ethnicity = 'Kinh' | 'Thái' | 'Khơ Mú' | 'Mông' | 'Ơ Đu' | 'Thổ';
export type Gender = 'male' | 'female';

export type Weighted = readonly (readonly [string, number])[];

/** Kinh family names in Nghệ An with rough weights (percent). */
export const KINH_FAMILY: Weighted = [
  ['Nguyễn', 30],
  ['Trần', 9],
  ['Lê', 9],
  ['Hoàng', 5],
  ['Phan', 5],
  ['Hồ', 5],
  ['Phạm', 4],
  ['Võ', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đậu', 1.5],
  ['Ngô', 1.5],
  ['Đinh', 1.5],
  ['Thái', 1],
  ['Cao', 1],
  ['Chu', 1],
  ['Dương', 1],
  ['Đào', 1],
  ['Hà', 1],
  ['Trương', 1],
  ['Đoàn', 1],
  ['Vũ', 1],
  ['Lưu', 0.5],
  ['Tô', 0.5],
  ['Mai', 0.5],
  ['Lương', 0.5],
  ['Nghiêm', 0.3],
  ['Tạ', 0.3],
  ['Kiều', 0.2],
  ['Thân', 0.2],
];

/** Family names of the western districts' peoples. */
const MINORITY_FAMILY: Record<Exclude<Ethnicity, 'Kinh'>, Weighted> = {
  Thái: [
    ['Lương', 20],
    ['Lô', 18],
    ['Vi', 15],
    ['Lang', 12],
    ['Quang', 8],
    ['Hà', 8],
    ['Sầm', 5],
    ['Kha', 4],
    ['Ngân', 4],
    ['Cầm', 3],
    ['Lữ', 3],
  ],
  'Khơ Mú': [
    ['Lô', 25],
    ['Vi', 20],
    ['Moong', 15],
    ['Cụt', 12],
    ['Xồng', 10],
    ['Lữ', 10],
    ['Kha', 8],
  ],
  Mông: [
    ['Vừ', 25],
    ['Lầu', 20],
    ['Thò', 12],
    ['Mùa', 12],
    ['Giàng', 10],
    ['Lỳ', 8],
    ['Xồng', 7],
    ['Và', 6],
  ],
  'Ơ Đu': [
    ['Lô', 40],
    ['Lữ', 30],
    ['Vi', 30],
  ],
  Thổ: [
    ['Trương', 20],
    ['Lê', 15],
    ['Nguyễn', 15],
    ['Đinh', 15],
    ['Hoàng', 10],
    ['Trần', 10],
    ['Phạm', 15],
  ],
};

// Older generations mostly carry Văn/Thị; younger ones more often a chosen middle name.
export const MIDDLE_MALE: Weighted = [
  ['Văn', 30],
  ['Đình', 8],
  ['Đức', 9],
  ['Hữu', 8],
  ['Minh', 7],
  ['Quang', 6],
  ['Công', 6],
  ['Xuân', 5],
  ['Ngọc', 4],
  ['Thanh', 4],
  ['Viết', 3],
  ['Trọng', 3],
  ['Bá', 2],
  ['Anh', 3],
  ['Duy', 2],
  ['Tiến', 2],
  ['Hồng', 1],
  ['Cảnh', 1],
];
export const MIDDLE_FEMALE: Weighted = [
  ['Thị', 45],
  ['Thu', 6],
  ['Thanh', 5],
  ['Ngọc', 5],
  ['Thùy', 4],
  ['Hồng', 4],
  ['Phương', 3],
  ['Minh', 3],
  ['Khánh', 2],
  ['Mai', 2],
  ['Hoài', 2],
  ['Diệu', 1],
  ['Kim', 2],
  ['Bảo', 1],
  ['Quỳnh', 1],
  ['Hải', 1],
];

export const GIVEN_MALE = (
  'An Anh Bảo Bình Cường Công Dũng Duy Đạt Đức Giang Hải Hiếu Hoàng Hùng Huy Hưng Khánh Khoa Kiên Lâm Long ' +
  'Luân Mạnh Minh Nam Nghĩa Nhật Phong Phúc Phương Quân Quang Quý Sơn Tài Tâm Thắng Thành Thịnh Tiến Toàn ' +
  'Trung Tuấn Tùng Việt Vinh Vũ Hậu Lợi Hòa Hợp Thuận Lộc Thọ Tú Trường Hoan Hào Lực Chiến Đông Hạnh Linh'
).split(' ');
export const GIVEN_FEMALE = (
  'An Anh Bích Chi Dung Duyên Giang Hà Hằng Hạnh Hiền Hoa Hồng Huế Hương Huyền Lan Liên Linh Loan Ly Mai ' +
  'Minh My Nga Ngân Ngọc Nhung Oanh Phương Quỳnh Tâm Thảo Thanh Thủy Thương Trang Trinh Tuyết Uyên Vân ' +
  'Yến Lam Hậu Sen Lệ Nhàn Tình Thơm Lý Hoài Châu Diệp Giang Nhi Vy Hiên Thúy'
).split(' ');

// Mông names: a clan family name, often no middle name for men and 'Y' or 'Thị' for women.
const MONG_MALE = 'Lầu Dế Tồng Chứ Pó Sình Vả Chồng Xái Nhìa Tu Pà'.split(' ');
const MONG_FEMALE = 'Mai Dợ Xí Pa Sông Ly Chía Dua Mỷ'.split(' ');

/** A picker over weighted items with its running totals computed once: names are drawn 200,000 times. */
export function weightedPicker(items: Weighted): (random: Random) => string {
  const totals: number[] = [];
  let sum = 0;
  for (const [, w] of items) {
    sum += w;
    totals.push(sum);
  }
  return (random) => {
    const r = random.next() * sum;
    let i = 0;
    while (i < totals.length - 1 && r >= (totals[i] as number)) i++;
    return (items[i] as readonly [string, number])[0];
  };
}

const pickers = new Map<Weighted, (random: Random) => string>();

export function pickWeighted(random: Random, items: Weighted): string {
  let picker = pickers.get(items);
  if (!picker) {
    picker = weightedPicker(items);
    pickers.set(items, picker);
  }
  return picker(random);
}

/** A full name for a person of this gender, people and birth year. */
export function personName(random: Random, gender: Gender, ethnicity: Ethnicity, birthYear: number): string {
  const female = gender === 'female';
  if (ethnicity === 'Mông') {
    const family = pickWeighted(random, MINORITY_FAMILY.Mông);
    const middle = female ? (random.chance(0.5) ? 'Y' : 'Thị') : random.chance(0.5) ? 'Bá' : '';
    const given = random.pick(female ? MONG_FEMALE : MONG_MALE);
    return [family, middle, given].filter((w) => w !== '').join(' ');
  }
  const family =
    ethnicity === 'Kinh' ? pickWeighted(random, KINH_FAMILY) : pickWeighted(random, MINORITY_FAMILY[ethnicity]);
  // Born after 1990: fewer plain Văn/Thị, and now and then two middle names ('Nguyễn Thị Thu Hà').
  const young = birthYear >= 1990;
  const plain = female ? 'Thị' : 'Văn';
  let middle = pickWeighted(random, female ? MIDDLE_FEMALE : MIDDLE_MALE);
  if (young && middle === plain && random.chance(0.5))
    middle = pickWeighted(random, female ? MIDDLE_FEMALE : MIDDLE_MALE);
  if (ethnicity !== 'Kinh' && random.chance(0.7)) middle = plain;
  const second =
    female && middle === 'Thị' && random.chance(young ? 0.3 : 0.1)
      ? ` ${random.pick(['Thu', 'Thanh', 'Hồng', 'Minh', 'Ngọc'])}`
      : '';
  let given = random.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  if (second.trim() === given) given = random.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  return `${family} ${middle}${second} ${given}`;
}
