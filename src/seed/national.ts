/**
 * The 'national' scale, for benchmarks: all 63 provinces (each through the same province
 * generator) and the confederation's national sector unions with their corporations' unions.
 */
import { type AreaRow, buildProvinceAreas, communeCounts, type SuccessionRow } from './areas.ts';
import { createCodeCounter, nationalSectorCode } from './codes.ts';
import type { ProvinceConfig } from './config.ts';
import { randomDate } from './dates.ts';
import { drawLife } from './lifecycle.ts';
import { PROVINCES, provinceConfig } from './national-provinces.ts';
import { NGHE_AN } from './nghe-an.ts';
import { seedProvince } from './province.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';
import { REASONS } from './reform.ts';
import { type NameBook, uniqueName } from './specs.ts';
import { addUnit, endUnit, type Tree } from './tree.ts';
import { NATIONAL_SECTORS, REGIONS } from './words.ts';

export type NationalInput = {
  tree: Tree;
  rootId: number;
  seed: number;
  areas: AreaRow[];
  successions: SuccessionRow[];
};

// Nghệ An keeps its real codes; provinces before it must fit below them, those after start above.
const NGHE_AN_FIRST_DISTRICT = 412;
const NGHE_AN_FIRST_COMMUNE = 16654;

function layOutProvinces(random: Random): ProvinceConfig[] {
  const cursor = { district: 1 };
  return PROVINCES.map((row) => {
    const config = provinceConfig(random, row, cursor);
    if (config === NGHE_AN) {
      if (cursor.district > NGHE_AN_FIRST_DISTRICT) throw new Error('district codes overflow Nghệ An');
      cursor.district = Number(NGHE_AN.districts.at(-1)?.code) + 1;
    }
    return config;
  });
}

/** CĐCS of one national sector union: directly under it, or under one of its corporations. */
function addSectorGrassroots(
  tree: Tree,
  random: Random,
  names: NameBook,
  parentId: number,
  founded: string,
  make: () => string,
  code: () => string,
  count: number,
): void {
  for (let i = 0; i < count; i++) {
    const life = drawLife(random, true, founded);
    const province = random.pick(PROVINCES)[0];
    const facts = { parentId, type: 'grassroots_union', name: uniqueName(names, parentId, make), areaCode: province };
    const id = addUnit(tree, code(), life.foundedOn, facts, REASONS.founded);
    if (life.dissolvedOn) endUnit(tree, id, life.dissolvedOn);
  }
}

function seedNationalSectors(tree: Tree, rootId: number, random: Random): void {
  const names: NameBook = new Map();
  const place = () => random.pick(PROVINCES)[1];
  NATIONAL_SECTORS.forEach(([name, trade], i) => {
    const sectorCode = nationalSectorCode(i + 1);
    const code = createCodeCounter(sectorCode);
    const founded = randomDate(random, '1946-01-01', '1990-12-31');
    const sectorId = addUnit(
      tree,
      sectorCode,
      founded,
      { parentId: rootId, type: 'sector_union', name, areaCode: null },
      REASONS.founded,
    );
    const direct = () =>
      `Công đoàn ${random.pick(['Viện', 'Trung tâm', 'Trường Cao đẳng', 'Công ty', 'Ban Quản lý dự án'])} ${trade} ${place()}`;
    addSectorGrassroots(tree, random, names, sectorId, founded, direct, () => code('C'), random.int(20, 60));
    const corporations = random.int(2, 5);
    for (let k = 0; k < corporations; k++) {
      const corpFounded = randomDate(random, founded, '2010-12-31');
      const corpName = uniqueName(names, sectorId, () => `Công đoàn Tổng công ty ${trade} ${random.pick(REGIONS)}`);
      const facts = { parentId: sectorId, type: 'sector_union', name: corpName, areaCode: null };
      const corpId = addUnit(tree, code('S'), corpFounded, facts, REASONS.founded);
      const member = () => `Công đoàn Công ty ${trade} ${place()}`;
      addSectorGrassroots(tree, random, names, corpId, corpFounded, member, () => code('C'), random.int(20, 80));
    }
  });
}

export function seedNational(input: NationalInput): void {
  const { tree, rootId, seed } = input;
  const provinces = layOutProvinces(createRandom(deriveSeed(seed, 'provinces')));
  let commune = 1;
  const starts = provinces.map((p) => {
    if (p === NGHE_AN) {
      if (commune > NGHE_AN_FIRST_COMMUNE) throw new Error('commune codes overflow Nghệ An');
      commune = NGHE_AN_FIRST_COMMUNE;
    }
    const start = commune;
    commune += communeCounts(p).old;
    return start;
  });
  // Merged communes are numbered after every old commune of the country.
  let newCommune = commune;
  provinces.forEach((province, i) => {
    const areas = buildProvinceAreas(province, { commune: starts[i] as number, newCommune }, seed);
    newCommune += areas.newCommunes.length;
    input.areas.push(...areas.rows);
    input.successions.push(...areas.successions);
    seedProvince({ tree, rootId, province, areas, random: createRandom(deriveSeed(seed, province.code)) });
  });
  seedNationalSectors(tree, rootId, createRandom(deriveSeed(seed, 'national-sectors')));
}
