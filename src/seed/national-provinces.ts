/**
 * The 63 provinces before the 2025 mergers (GSO codes and names), and a generated configuration
 * for each of them but Nghệ An: district and commune names are made of common syllables, counts
 * and sizes are drawn around real magnitudes and scaled by a province's economic weight.
 */
import type { DistrictConfig, ProvinceConfig, Setting, ZoneConfig } from './config.ts';
import { NGHE_AN, PROVINCE_SECTORS } from './nghe-an.ts';
import type { Random } from './random.ts';
import { SYLLABLES } from './words.ts';

// [code, name, is a centrally-run city, weight]: weight ~ how many CĐCS compared with an average province.
type ProvinceRow = [string, string, boolean, number];

// Data table: one province per entry.
export const PROVINCES: ProvinceRow[] = [
  ['01', 'Hà Nội', true, 4],
  ['02', 'Hà Giang', false, 0.4],
  ['04', 'Cao Bằng', false, 0.4],
  ['06', 'Bắc Kạn', false, 0.3],
  ['08', 'Tuyên Quang', false, 0.5],
  ['10', 'Lào Cai', false, 0.6],
  ['11', 'Điện Biên', false, 0.4],
  ['12', 'Lai Châu', false, 0.3],
  ['14', 'Sơn La', false, 0.6],
  ['15', 'Yên Bái', false, 0.5],
  ['17', 'Hòa Bình', false, 0.6],
  ['19', 'Thái Nguyên', false, 1.1],
  ['20', 'Lạng Sơn', false, 0.5],
  ['22', 'Quảng Ninh', false, 1.3],
  ['24', 'Bắc Giang', false, 1.3],
  ['25', 'Phú Thọ', false, 0.9],
  ['26', 'Vĩnh Phúc', false, 1.1],
  ['27', 'Bắc Ninh', false, 1.5],
  ['30', 'Hải Dương', false, 1.2],
  ['31', 'Hải Phòng', true, 1.7],
  ['33', 'Hưng Yên', false, 1],
  ['34', 'Thái Bình', false, 0.9],
  ['35', 'Hà Nam', false, 0.8],
  ['36', 'Nam Định', false, 0.9],
  ['37', 'Ninh Bình', false, 0.8],
  ['38', 'Thanh Hóa', false, 1.6],
  ['40', 'Nghệ An', false, 1.5],
  ['42', 'Hà Tĩnh', false, 0.8],
  ['44', 'Quảng Bình', false, 0.6],
  ['45', 'Quảng Trị', false, 0.5],
  ['46', 'Thừa Thiên Huế', false, 0.8],
  ['48', 'Đà Nẵng', true, 1.2],
  ['49', 'Quảng Nam', false, 1],
  ['51', 'Quảng Ngãi', false, 0.8],
  ['52', 'Bình Định', false, 0.9],
  ['54', 'Phú Yên', false, 0.6],
  ['56', 'Khánh Hòa', false, 0.9],
  ['58', 'Ninh Thuận', false, 0.4],
  ['60', 'Bình Thuận', false, 0.7],
  ['62', 'Kon Tum', false, 0.4],
  ['64', 'Gia Lai', false, 0.7],
  ['66', 'Đắk Lắk', false, 0.8],
  ['67', 'Đắk Nông', false, 0.4],
  ['68', 'Lâm Đồng', false, 0.7],
  ['70', 'Bình Phước', false, 0.7],
  ['72', 'Tây Ninh', false, 0.8],
  ['74', 'Bình Dương', false, 2.6],
  ['75', 'Đồng Nai', false, 2.2],
  ['77', 'Bà Rịa - Vũng Tàu', false, 1.1],
  ['79', 'Hồ Chí Minh', true, 5],
  ['80', 'Long An', false, 1.3],
  ['82', 'Tiền Giang', false, 0.9],
  ['83', 'Bến Tre', false, 0.7],
  ['84', 'Trà Vinh', false, 0.6],
  ['86', 'Vĩnh Long', false, 0.6],
  ['87', 'Đồng Tháp', false, 0.7],
  ['89', 'An Giang', false, 0.8],
  ['91', 'Kiên Giang', false, 0.8],
  ['92', 'Cần Thơ', true, 0.9],
  ['93', 'Hậu Giang', false, 0.5],
  ['94', 'Sóc Trăng', false, 0.6],
  ['95', 'Bạc Liêu', false, 0.5],
  ['96', 'Cà Mau', false, 0.6],
];

/** Provinces of the northern mountains and the Central Highlands: most of their districts are mountainous. */
const MOUNTAIN_PROVINCES = new Set([
  '02',
  '04',
  '06',
  '08',
  '10',
  '11',
  '12',
  '14',
  '15',
  '17',
  '20',
  '62',
  '64',
  '66',
  '67',
  '68',
]);

/** CĐCS per unit of weight, so that the whole country comes to about 130,000 units. */
const CDCS_PER_WEIGHT = 2000;

export type CodeCursor = { district: number };

function twoSyllables(random: Random, used: Set<string>): string {
  for (;;) {
    const name = `${random.pick(SYLLABLES)} ${random.pick(SYLLABLES)}`;
    if (!used.has(name) && name.split(' ')[0] !== name.split(' ')[1]) {
      used.add(name);
      return name;
    }
  }
}

type Kind = { area: string; label: string; setting: Setting };

function districtKinds(random: Random, code: string, city: boolean, count: number): Kind[] {
  const mountain = MOUNTAIN_PROVINCES.has(code);
  return Array.from({ length: count }, (_, i): Kind => {
    if (city && i < count * 0.4) return { area: 'Quận', label: 'quận', setting: 'urban' };
    if (i === 0) return { area: 'Thành phố', label: 'thành phố', setting: 'urban' };
    if (!city && i <= random.int(1, 2)) return { area: 'Thị xã', label: 'thị xã', setting: 'urban' };
    return { area: 'Huyện', label: 'huyện', setting: mountain && random.chance(0.7) ? 'mountain' : 'lowland' };
  });
}

function district(random: Random, kind: Kind, bare: string, code: string, used: Set<string>): DistrictConfig {
  const communes =
    kind.setting === 'urban'
      ? random.int(8, 16)
      : kind.setting === 'mountain'
        ? random.int(10, 20)
        : random.int(12, 28);
  const style =
    kind.setting === 'urban'
      ? { names: Array.from({ length: communes }, () => `Phường ${twoSyllables(random, used)}`) }
      : { prefix: random.pick(SYLLABLES) };
  return {
    code,
    name: `${kind.area} ${bare}`,
    label: `${kind.label} ${bare}`,
    bare,
    setting: kind.setting,
    communes,
    style,
    newCommunes: Math.max(1, Math.round(communes / 3)),
    enterprises: 0,
    federationFounded: kind.area === 'Thị xã' ? '2009-01-01' : '1976-05-01',
  };
}

/** Spreads `total` enterprise CĐCS over districts, towns weighing four times a rural district. */
function spreadEnterprises(districts: DistrictConfig[], total: number): void {
  const weights = districts.map((d) => (d.setting === 'urban' ? 4 : d.setting === 'lowland' ? 1 : 0.2));
  const sum = weights.reduce((s, w) => s + w, 0);
  districts.forEach((d, i) => {
    d.enterprises = Math.round((total * (weights[i] ?? 0)) / sum);
  });
}

function zones(random: Random, province: ProvinceConfig, weight: number, enterprises: number): ZoneConfig[] {
  const count = weight >= 1.5 ? 3 : weight >= 0.8 ? 2 : random.int(0, 1);
  // Each zone is named after a different district, so that no two zones share a name.
  const homes = random.shuffle(province.districts);
  return homes.slice(0, count).map((home, i) => {
    const others = Array.from({ length: random.int(1, 3) }, () => random.pick(province.districts));
    const sites = [home, ...others].map((d) => ({
      name: `KCN ${d.bare}`,
      districtCode: d.code,
      communeIndex: random.int(0, d.communes - 1),
    }));
    const name = i === 0 ? `Công đoàn các Khu công nghiệp ${province.label}` : `Công đoàn Khu kinh tế ${home.bare}`;
    return {
      name,
      shortName: name.replace('Công đoàn', 'CĐ'),
      founded: '2006-01-01',
      sites,
      enterprises: Math.round(enterprises / count),
    };
  });
}

/** A province's configuration; Nghệ An is the hand-written one. District codes come from `cursor`. */
export function provinceConfig(random: Random, row: ProvinceRow, cursor: CodeCursor): ProvinceConfig {
  const [code, bare, city, weight] = row;
  if (code === NGHE_AN.code) return NGHE_AN;
  const label = `${city ? 'thành phố' : 'tỉnh'} ${bare}`;
  const used = new Set<string>([bare]);
  const count = code === '01' ? 30 : code === '79' ? 22 : random.int(9, 14);
  const districts = districtKinds(random, code, city, count).map((kind, i) => {
    const name = i === 0 && !city ? bare : twoSyllables(random, used);
    return district(random, kind, name, String(cursor.district++).padStart(3, '0'), used);
  });
  const sectors = PROVINCE_SECTORS.filter((_, i) => i < 3 || random.chance(0.6)).map((s) => ({
    ...s,
    name: `${s.name.replace(/ tỉnh$/, '')} ${label}`,
  }));
  const target = CDCS_PER_WEIGHT * weight;
  const communes = districts.reduce((s, d) => s + d.communes, 0);
  const publicEstimate = communes * 3.65 + count * 10;
  const publicDensity = Math.min(1, (0.6 * target) / publicEstimate);
  const enterprises = Math.max(50, target - publicEstimate * publicDensity - 250);
  const province: ProvinceConfig = {
    code,
    areaName: `${city ? 'Thành phố' : 'Tỉnh'} ${bare}`,
    label,
    bare,
    federationFounded: '1950-01-01',
    districts,
    sectors,
    zones: [],
    publicDensity,
    sectorScale: Math.min(1.5, Math.max(0.5, weight)),
    tradeAssociations: random.int(3, 10),
    bigUnits: 3,
  };
  const zoneList = zones(random, province, weight, enterprises * 0.35);
  spreadEnterprises(districts, zoneList.length > 0 ? enterprises * 0.65 : enterprises);
  return { ...province, zones: zoneList };
}
