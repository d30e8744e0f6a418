/**
 * A few large CĐCS with their own inner structure: a provincial hospital and university with union
 * sections (and union teams), factories with member CĐCS. '{p}' is the province, '{c}' its capital.
 */
import type { SectorKey } from './config.ts';
import { REFORM_DATE } from './dates.ts';
import type { Scene } from './district-bodies.ts';
import { childFounding } from './lifecycle.ts';
import type { Random } from './random.ts';
import { capitalCommune } from './sector-bodies.ts';
import { ENTERPRISE_NAMES, enterpriseBody, type GrassrootsSpec, publicBody, uniqueName } from './specs.ts';
import { addUnit, changeUnit, type Tree } from './tree.ts';
import { BRANDS } from './words.ts';

export type BigKind = 'hospital' | 'university' | 'factory';

export type BigSpec = { spec: GrassrootsSpec; kind: BigKind };

type Template = { home: SectorKey | 'zone' | 'district'; name: string; kind: BigKind };

const TEMPLATES: Template[] = [
  { home: 'health', name: 'Bệnh viện Hữu nghị Đa khoa {p}', kind: 'hospital' },
  { home: 'education', name: 'Trường Đại học {c}', kind: 'university' },
  { home: 'zone', name: 'Công ty TNHH Everwin Precision Việt Nam', kind: 'factory' },
  { home: 'industry_trade', name: 'Công ty Cổ phần Xi măng {brand}', kind: 'factory' },
  { home: 'district', name: 'Công ty TNHH May {brand}', kind: 'factory' },
  { home: 'agriculture', name: 'Công ty Cổ phần Mía đường {p}', kind: 'factory' },
];

// Inner units of each kind: [type, code letter, names].
const CHILDREN: Record<BigKind, [type: string, letter: 'B' | 'V', names: string[]][]> = {
  hospital: [
    [
      'union_section',
      'B',
      [
        'Khoa Nội tổng hợp',
        'Khoa Ngoại tổng hợp',
        'Khoa Sản',
        'Khoa Nhi',
        'Khoa Hồi sức tích cực - Chống độc',
        'Khoa Xét nghiệm',
        'Khối Hành chính',
      ],
    ],
  ],
  university: [
    [
      'union_section',
      'B',
      ['Khoa Toán học', 'Khoa Ngữ văn', 'Khoa Kinh tế', 'Khoa Xây dựng', 'Khoa Giáo dục Thể chất', 'Khối Phòng, Ban'],
    ],
    ['member_grassroots_union', 'V', ['Trường THPT Chuyên thuộc Trường Đại học {c}', 'Trường Thực hành Sư phạm']],
  ],
  factory: [
    ['member_grassroots_union', 'V', ['Nhà máy số 1', 'Nhà máy số 2', 'Nhà máy số 3']],
    ['union_section', 'B', ['Phân xưởng Sản xuất 1', 'Phân xưởng Sản xuất 2', 'Phân xưởng Cơ điện', 'Khối Văn phòng']],
  ],
};

const TEAMS = ['Tổ công đoàn Điều dưỡng', 'Tổ công đoàn Bác sĩ'];

export type BigHomes = { sectors: Map<SectorKey, number>; zones: number[]; districts: Map<string, number> };

export function bigUnitSpecs(scene: Scene, homes: BigHomes, count: number): BigSpec[] {
  const { province, random } = scene;
  const capital = province.districts[0];
  const out: BigSpec[] = [];
  for (const t of TEMPLATES) {
    if (out.length >= count) break;
    const home =
      t.home === 'zone'
        ? homes.zones[0]
        : t.home === 'district'
          ? homes.districts.get(capital?.code ?? '')
          : homes.sectors.get(t.home);
    if (home === undefined) continue;
    const fill = () =>
      `Công đoàn ${t.name
        .replace('{p}', province.bare)
        .replace('{c}', capital?.bare ?? province.bare)
        .replace('{brand}', random.pick(BRANDS))}`;
    const area = capitalCommune(scene);
    const spec =
      t.kind === 'factory'
        ? enterpriseBody(uniqueName(scene.names, ENTERPRISE_NAMES, fill), home, area, '1975-05-01')
        : publicBody(uniqueName(scene.names, home, fill), 'province', home, area, '1975-05-01');
    out.push({ spec, kind: t.kind });
  }
  return out;
}

/** What a sub-unit does on the reform day: its area changes with its parent's. */
export type ReformChange = { areaCode: string; reason: string } | null;

type ChildContext = {
  tree: Tree;
  random: Random;
  code: (letter: 'B' | 'V' | 'T') => string;
  areaCode: string;
  reform: ReformChange;
};

function addChild(
  ctx: ChildContext,
  parentId: number,
  parentFounded: string,
  type: string,
  letter: 'B' | 'V' | 'T',
  name: string,
): [number, string] {
  const founded = childFounding(ctx.random, parentFounded);
  const id = addUnit(
    ctx.tree,
    ctx.code(letter),
    founded,
    { parentId, type, name, areaCode: ctx.areaCode },
    'Thành lập',
  );
  if (ctx.reform) changeUnit(ctx.tree, id, REFORM_DATE, { areaCode: ctx.reform.areaCode }, ctx.reform.reason);
  return [id, founded];
}

/** Adds sections, member CĐCS and (in hospitals) union teams under a large CĐCS. */
export function addBigUnitChildren(
  ctx: ChildContext,
  big: { id: number; kind: BigKind; founded: string; capital: string },
): void {
  for (const [type, letter, names] of CHILDREN[big.kind]) {
    const take = ctx.random.int(Math.min(2, names.length), names.length);
    names.slice(0, take).forEach((raw, i) => {
      const prefix = type === 'union_section' ? 'Công đoàn bộ phận' : 'Công đoàn cơ sở thành viên';
      const [sectionId, founded] = addChild(
        ctx,
        big.id,
        big.founded,
        type,
        letter,
        `${prefix} ${raw.replace('{c}', big.capital)}`,
      );
      if (big.kind !== 'hospital' || i > 0) return;
      for (const team of TEAMS) addChild(ctx, sectionId, founded, 'union_team', 'T', team);
    });
  }
}
