/**
 * Nghệ An as the 2021 plan found it: 21 districts with their official GSO codes, the provincial
 * sector unions and the Đông Nam economic zone. Commune names follow each district's naming style
 * and commune counts are close to the real ones, but the commune lists are generated, not the
 * official register (see areas.ts). Founding dates are illustrative.
 */
import type { DistrictConfig, ProvinceConfig, SectorConfig, ZoneConfig } from './config.ts';

const FOUNDED = '1976-05-01';

type Row = [
  code: string,
  kind: 'tp' | 'tx' | 'h',
  bare: string,
  communes: number,
  newCommunes: string[] | number,
  enterprises: number,
];

// Per district: how many communes before the reform, what they merged into, enterprise CĐCS.
const ROWS: Row[] = [
  [
    '412',
    'tp',
    'Vinh',
    25,
    ['Phường Trường Vinh', 'Phường Thành Vinh', 'Phường Vinh Hưng', 'Phường Vinh Phú', 'Phường Vinh Lộc'],
    400,
  ],
  ['414', 'tx', 'Cửa Lò', 7, ['Phường Cửa Lò'], 45],
  ['415', 'tx', 'Thái Hoà', 9, ['Phường Thái Hòa', 'Phường Tây Hiếu'], 30],
  ['416', 'h', 'Quế Phong', 12, 7, 4],
  ['417', 'h', 'Quỳ Châu', 11, 5, 4],
  ['418', 'h', 'Kỳ Sơn', 19, 11, 2],
  ['419', 'h', 'Tương Dương', 14, 9, 4],
  ['420', 'h', 'Nghĩa Đàn', 17, 6, 22],
  ['421', 'h', 'Quỳ Hợp', 18, 7, 28],
  ['422', 'h', 'Quỳnh Lưu', 32, 7, 45],
  ['423', 'h', 'Con Cuông', 11, 5, 4],
  ['424', 'h', 'Tân Kỳ', 18, 6, 14],
  ['425', 'h', 'Anh Sơn', 17, 6, 12],
  ['426', 'h', 'Diễn Châu', 37, 8, 55],
  ['427', 'h', 'Yên Thành', 38, 10, 28],
  ['428', 'h', 'Đô Lương', 27, 7, 35],
  ['429', 'h', 'Thanh Chương', 37, 10, 18],
  ['430', 'h', 'Nghi Lộc', 25, 7, 45],
  ['431', 'h', 'Nam Đàn', 15, 4, 18],
  ['432', 'h', 'Hưng Nguyên', 14, 4, 20],
  ['433', 'tx', 'Hoàng Mai', 9, ['Phường Hoàng Mai', 'Phường Tân Mai', 'Phường Quỳnh Mai'], 40],
];

// Names are written as one comma-separated string per list, to keep the table readable.
const ward = (names: string) => names.split(', ').map((n) => `Phường ${n}`);
const commune = (names: string) => names.split(', ').map((n) => `Xã ${n}`);
// Mountain districts: the district town, then communes with names of their own.
const townAndCommunes = (town: string, names: string) => ({
  style: { names: [`Thị trấn ${town}`, ...commune(names)] },
});

// Districts whose communes do not share one syllable: their names are listed.
const STYLES: Record<string, Pick<DistrictConfig, 'style' | 'seat'>> = {
  '412': {
    style: {
      names: [
        ...ward('Bến Thủy, Trường Thi, Hưng Dũng, Hưng Bình, Hưng Phúc, Hà Huy Tập, Lê Lợi, Lê Mao, Quang Trung'),
        ...ward('Cửa Nam, Đội Cung, Đông Vĩnh, Quán Bàu, Trung Đô, Vinh Tân, Hưng Đông, Nghi Phú, Hưng Lộc'),
        ...commune('Hưng Hòa, Hưng Chính, Nghi Đức, Nghi Kim, Nghi Liên, Nghi Ân, Nghi Thái'),
      ],
    },
  },
  '414': { style: { names: ward('Nghi Thủy, Nghi Tân, Thu Thủy, Nghi Hòa, Nghi Hải, Nghi Hương, Nghi Thu') } },
  '415': {
    style: {
      names: [
        ...ward('Hòa Hiếu, Quang Phong, Quang Tiến, Long Sơn'),
        ...commune('Tây Hiếu, Đông Hiếu, Nghĩa Thuận, Nghĩa Tiến, Nghĩa Hòa'),
      ],
    },
  },
  '416': townAndCommunes(
    'Kim Sơn',
    'Châu Kim, Mường Nọc, Quế Sơn, Tiền Phong, Hạnh Dịch, Châu Thôn, Tri Lễ, Nậm Giải, Nậm Nhoóng, Đồng Văn, Thông Thụ, Cắm Muộn',
  ),
  '417': { seat: 'Thị trấn Tân Lạc', style: { prefix: 'Châu' } },
  '418': townAndCommunes(
    'Mường Xén',
    'Mường Lống, Na Loi, Hữu Kiệm, Hữu Lập, Nậm Cắn, Chiêu Lưu, Mường Típ, Mường Ải, Na Ngoi, Nậm Càn, Mỹ Lý, Bắc Lý, Keng Đu, Đoọc Mạy, Huồi Tụ, Tà Cạ, Tây Sơn, Bảo Nam, Bảo Thắng',
  ),
  '419': townAndCommunes(
    'Thạch Giám',
    'Yên Na, Yên Hòa, Yên Thắng, Xá Lượng, Lượng Minh, Tam Thái, Tam Quang, Tam Đình, Lưu Kiền, Nga My, Hữu Khuông, Mai Sơn, Nhôn Mai, Tam Hợp',
  ),
  '420': { seat: 'Thị trấn Nghĩa Đàn', style: { prefix: 'Nghĩa' } },
  '421': { seat: 'Thị trấn Quỳ Hợp', style: { prefix: 'Châu' } },
  '422': { seat: 'Thị trấn Cầu Giát', style: { prefix: 'Quỳnh' } },
  '423': townAndCommunes(
    'Con Cuông',
    'Môn Sơn, Lục Dạ, Yên Khê, Bồng Khê, Chi Khê, Thạch Ngàn, Đôn Phục, Mậu Đức, Cam Lâm, Lạng Khê, Châu Khê, Bình Chuẩn',
  ),
  '424': { seat: 'Thị trấn Tân Kỳ', style: { prefix: 'Tân' } },
  '425': { seat: 'Thị trấn Anh Sơn', style: { suffix: 'Sơn' } },
  '426': { seat: 'Thị trấn Diễn Châu', style: { prefix: 'Diễn' } },
  '427': { seat: 'Thị trấn Hoa Thành', style: { suffix: 'Thành' } },
  '428': { seat: 'Thị trấn Đô Lương', style: { suffix: 'Sơn' } },
  '429': { seat: 'Thị trấn Dùng', style: { prefix: 'Thanh' } },
  '430': { seat: 'Thị trấn Quán Hành', style: { prefix: 'Nghi' } },
  '431': { seat: 'Thị trấn Nam Đàn', style: { prefix: 'Nam' } },
  '432': { seat: 'Thị trấn Hưng Nguyên', style: { prefix: 'Hưng' } },
  '433': {
    style: {
      names: [
        ...ward('Quỳnh Thiện, Quỳnh Xuân, Mai Hùng, Quỳnh Phương, Quỳnh Dị, Quỳnh Vinh'),
        ...commune('Quỳnh Lộc, Quỳnh Trang, Quỳnh Liên, Quỳnh Lập'),
      ],
    },
  },
};

const MOUNTAIN = new Set(['416', '417', '418', '419', '423']);
// Towns made later than the others: their federations are younger (illustrative dates).
const FEDERATION_FOUNDED: Record<string, string> = { '414': '1994-09-01', '415': '2008-03-15', '433': '2013-08-20' };

const KIND = {
  tp: { area: 'Thành phố', label: 'thành phố' },
  tx: { area: 'Thị xã', label: 'thị xã' },
  h: { area: 'Huyện', label: 'huyện' },
} as const;

export const NGHE_AN_DISTRICTS: DistrictConfig[] = ROWS.map(
  ([code, kind, bare, communes, newCommunes, enterprises]) => ({
    code,
    name: `${KIND[kind].area} ${bare}`,
    label: `${KIND[kind].label} ${bare}`,
    bare,
    setting: kind === 'h' ? (MOUNTAIN.has(code) ? 'mountain' : 'lowland') : 'urban',
    communes,
    newCommunes,
    enterprises,
    federationFounded: FEDERATION_FOUNDED[code] ?? FOUNDED,
    ...(STYLES[code] as Pick<DistrictConfig, 'style' | 'seat'>),
  }),
);

export const PROVINCE_SECTORS: SectorConfig[] = [
  {
    key: 'education',
    name: 'Công đoàn Giáo dục tỉnh',
    shortName: 'CĐ Giáo dục',
    founded: '1978-11-20',
    endsAtReform: false,
  },
  { key: 'health', name: 'Công đoàn ngành Y tế', shortName: 'CĐ Y tế', founded: '1979-02-27', endsAtReform: false },
  {
    key: 'public_service',
    name: 'Công đoàn Viên chức tỉnh',
    shortName: 'CĐ Viên chức',
    founded: '1992-06-10',
    endsAtReform: false,
  },
  {
    key: 'industry_trade',
    name: 'Công đoàn ngành Công Thương',
    shortName: 'CĐ Công Thương',
    founded: '2008-10-01',
    endsAtReform: true,
  },
  {
    key: 'construction',
    name: 'Công đoàn ngành Xây dựng',
    shortName: 'CĐ Xây dựng',
    founded: '1985-04-12',
    endsAtReform: true,
  },
  {
    key: 'transport',
    name: 'Công đoàn ngành Giao thông Vận tải',
    shortName: 'CĐ GTVT',
    founded: '1983-09-05',
    endsAtReform: true,
  },
  {
    key: 'agriculture',
    name: 'Công đoàn ngành Nông nghiệp và Phát triển nông thôn',
    shortName: 'CĐ NN&PTNT',
    founded: '1986-03-26',
    endsAtReform: true,
  },
];

export const NGHE_AN_ZONE: ZoneConfig = {
  name: 'Công đoàn Khu Kinh tế Đông Nam',
  shortName: 'CĐ KKT Đông Nam',
  founded: '2008-12-10',
  enterprises: 330,
  sites: [
    { name: 'KCN Nam Cấm', districtCode: '430', communeIndex: 6 },
    { name: 'KCN VSIP Nghệ An', districtCode: '432', communeIndex: 3 },
    { name: 'KCN Hoàng Mai', districtCode: '433', communeIndex: 1 },
    { name: 'KCN Đông Hồi', districtCode: '433', communeIndex: 8 },
    { name: 'KCN Bắc Vinh', districtCode: '412', communeIndex: 15 },
    { name: 'KCN Thọ Lộc', districtCode: '426', communeIndex: 20 },
  ],
};

export const NGHE_AN: ProvinceConfig = {
  code: '40',
  areaName: 'Tỉnh Nghệ An',
  label: 'tỉnh Nghệ An',
  bare: 'Nghệ An',
  // Illustrative: the provincial federation's roots go back to the 1940s.
  federationFounded: '1946-07-15',
  districts: NGHE_AN_DISTRICTS,
  sectors: PROVINCE_SECTORS,
  zones: [NGHE_AN_ZONE],
  publicDensity: 1,
  sectorScale: 1,
  tradeAssociations: 9,
  bigUnits: 6,
};
