/** Choices offered in member forms and filters; the values are what the server stores. */

export const ETHNICITIES = ['Kinh', 'Thái', 'Khơ Mú', 'Mông', 'Thổ', 'Ơ Đu', 'Mường', 'Hoa', 'Tày', 'Nùng'];

export const EDUCATION_LEVELS = ['7/12', '9/12', '12/12', 'Trung cấp', 'Cao đẳng', 'Đại học', 'Thạc sĩ', 'Tiến sĩ'];

/** Age bands of the list filter: [ageMin, ageMax] in whole years, either end open. */
export const AGE_BANDS: Record<string, [number | undefined, number | undefined]> = {
  u30: [undefined, 29],
  '30_39': [30, 39],
  '40_49': [40, 49],
  '50_59': [50, 59],
  '60p': [60, undefined],
};

/** How a membership period began or ended, and what each event was: keys of member.kind.* */
export const KIND_KEYS = [
  'admission',
  'transfer_in',
  'readmission',
  'transfer_out',
  'transfer',
  'withdrawal',
  'expulsion',
  'death',
] as const;
