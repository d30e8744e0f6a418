/**
 * Grassroots unions under a district federation before the 2025 reform: each commune's people's
 * committee, schools and health station, the district's own agencies, and its enterprises.
 */
import type { Commune, ProvinceAreas } from './areas.ts';
import type { DistrictConfig, ProvinceConfig } from './config.ts';
import type { Random } from './random.ts';
import {
  ENTERPRISE_NAMES,
  enterpriseBody,
  enterpriseName,
  type GrassrootsSpec,
  type NameBook,
  publicBody,
  uniqueName,
} from './specs.ts';
import { NAMED_AFTER } from './words.ts';

/** What every spec generator of one province shares. */
export type Scene = { province: ProvinceConfig; areas: ProvinceAreas; random: Random; names: NameBook };

// '{d}' is the district as it reads in a name ('huyện Nghi Lộc'), '{b}' its bare name, '{u}' its party committee.
const AGENCIES = [
  'Công đoàn cơ quan UBND {d}',
  'Công đoàn cơ quan {u} {b}',
  'Công đoàn Phòng Giáo dục và Đào tạo {d}',
  'Công đoàn Bảo hiểm xã hội {d}',
  'Công đoàn Kho bạc Nhà nước {b}',
  'Công đoàn Trung tâm Văn hóa - Thể thao và Truyền thông {d}',
  'Công đoàn Ban Quản lý Dự án đầu tư xây dựng {d}',
  'Công đoàn Chi cục Thống kê {d}',
  'Công đoàn Tòa án nhân dân {d}',
  'Công đoàn Viện Kiểm sát nhân dân {d}',
  'Công đoàn Chi cục Thi hành án dân sự {d}',
  'Công đoàn Hạt Kiểm lâm {b}',
];

const PARTY_COMMITTEE: Record<string, string> = { 'thành phố': 'Thành ủy', 'thị xã': 'Thị ủy', huyện: 'Huyện ủy' };

/** 'xã', 'phường' or 'thị trấn': how a commune's kind reads inside a unit name. */
export function communeKind(c: Commune): string {
  return c.name.slice(0, c.name.length - c.bare.length - 1).toLowerCase();
}

export function fillDistrict(district: DistrictConfig, template: string): string {
  const kind = district.label.slice(0, district.label.length - district.bare.length - 1);
  return template
    .replace('{d}', district.label)
    .replace('{b}', district.bare)
    .replace('{u}', PARTY_COMMITTEE[kind] ?? 'Huyện ủy');
}

function communeBodies(scene: Scene, c: Commune, home: number, urban: boolean): string[] {
  const { random, province } = scene;
  const p = (base: number) => random.chance(Math.min(1, base * province.publicDensity));
  const makers = [() => `Công đoàn cơ sở ${communeKind(c)} ${c.bare}`];
  if (p(0.8)) makers.push(() => `Công đoàn Trường Mầm non ${c.bare}`);
  if (p(0.9)) makers.push(() => `Công đoàn Trường Tiểu học ${c.bare}`);
  // Town schools are often named after a famous person; a retry falls back to the ward's name.
  if (p(0.8))
    makers.push(() => `Công đoàn Trường THCS ${urban && random.chance(0.2) ? random.pick(NAMED_AFTER) : c.bare}`);
  if (p(0.15)) makers.push(() => `Công đoàn Trạm Y tế ${communeKind(c)} ${c.bare}`);
  return makers.map((make) => uniqueName(scene.names, home, make));
}

export function districtSpecs(scene: Scene, district: DistrictConfig, home: number): GrassrootsSpec[] {
  const { random } = scene;
  const communes = scene.areas.communesByDistrict.get(district.code) ?? [];
  const seat = communes[0];
  if (!seat) return [];
  const notBefore = district.federationFounded;
  const specs: GrassrootsSpec[] = [];
  for (const c of communes) {
    for (const name of communeBodies(scene, c, home, district.setting === 'urban')) {
      specs.push(publicBody(name, 'commune', home, c, notBefore));
    }
  }
  const agencyChance = (district.setting === 'mountain' ? 0.6 : 0.85) * Math.min(1, scene.province.publicDensity);
  for (const template of AGENCIES) {
    // Forest rangers work where there is forest, not in towns.
    if (!random.chance(agencyChance) || (district.setting === 'urban' && template.includes('Kiểm lâm'))) continue;
    const name = uniqueName(scene.names, home, () => fillDistrict(district, template));
    specs.push(publicBody(name, 'district', home, seat, notBefore));
  }
  for (let i = 0; i < district.enterprises; i++) {
    const place = random.pick(communes);
    const foreignShare = district.setting === 'urban' ? 0.06 : 0.02;
    const name = uniqueName(scene.names, ENTERPRISE_NAMES, () =>
      enterpriseName(random, { place, foreignShare, provinceBare: scene.province.bare }),
    );
    specs.push(enterpriseBody(name, home, place, notBefore));
  }
  return specs;
}

const TRADE_ASSOCIATIONS = [
  'Nghề cá',
  'Xe ôm',
  'Xây dựng',
  'Thợ may',
  'Bốc xếp',
  'Nghề muối',
  'Dịch vụ du lịch',
  'Thợ mộc',
];

/** Nghiệp đoàn of informal workers, in the lowland and urban districts. */
export function tradeAssociationSpecs(scene: Scene, homes: Map<string, number>): GrassrootsSpec[] {
  const { random, province } = scene;
  const districts = province.districts.filter((d) => d.setting !== 'mountain');
  const specs: GrassrootsSpec[] = [];
  for (let i = 0; i < province.tradeAssociations && districts.length > 0; i++) {
    const district = random.pick(districts);
    const home = homes.get(district.code) as number;
    const place = random.pick(scene.areas.communesByDistrict.get(district.code) ?? []);
    const name = uniqueName(scene.names, home, () => `Nghiệp đoàn ${random.pick(TRADE_ASSOCIATIONS)} ${place.bare}`);
    specs.push({
      ...publicBody(name, 'commune', home, place, district.federationFounded),
      type: 'trade_association_union',
    });
  }
  return specs;
}
