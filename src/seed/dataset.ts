/**
 * The demo dataset in memory, ready to insert: areas, their successions, units and unit versions.
 * 'tiny' and 'province' are Nghệ An (tiny keeps three districts and a handful of CĐCS);
 * 'national' is every province plus the national sector unions (national.ts).
 */
import { type AreaRow, buildProvinceAreas, communeCounts, type SuccessionRow } from './areas.ts';
import { CONFEDERATION_CODE } from './codes.ts';
import type { DistrictConfig, ProvinceConfig } from './config.ts';
import { seedNational } from './national.ts';
import { NGHE_AN, PROVINCE_SECTORS } from './nghe-an.ts';
import { seedProvince } from './province.ts';
import { createRandom, deriveSeed } from './random.ts';
import { addUnit, createTree, expandVersions, type Tree, type UnitRow, unitRows, type VersionRow } from './tree.ts';

export type SeedScale = 'tiny' | 'province' | 'national';

export type Dataset = { areas: AreaRow[]; successions: SuccessionRow[]; units: UnitRow[]; versions: VersionRow[] };

/** First commune code of Nghệ An in the GSO register. */
export const NGHE_AN_FIRST_COMMUNE = 16654;

const TINY_DISTRICTS: Record<string, Partial<DistrictConfig>> = {
  '412': { communes: 3, newCommunes: ['Phường Trường Vinh', 'Phường Thành Vinh'], enterprises: 3 },
  '430': { communes: 3, newCommunes: 1, enterprises: 2 },
  '418': { communes: 2, newCommunes: 1, enterprises: 1 },
};

/** Nghệ An cut down to three districts and one sector union, for fast tests. */
function tinyProvince(): ProvinceConfig {
  return {
    ...NGHE_AN,
    districts: NGHE_AN.districts
      .filter((d) => TINY_DISTRICTS[d.code])
      .map((d) => ({ ...d, ...TINY_DISTRICTS[d.code] })),
    sectors: PROVINCE_SECTORS.filter((s) => s.key === 'industry_trade'),
    zones: [],
    publicDensity: 0.3,
    sectorScale: 0.1,
    tradeAssociations: 1,
    bigUnits: 2,
  };
}

export function addConfederation(tree: Tree): number {
  const facts = {
    parentId: null,
    type: 'confederation',
    name: 'Tổng Liên đoàn Lao động Việt Nam',
    shortName: 'TLĐ',
    areaCode: null,
  };
  return addUnit(tree, CONFEDERATION_CODE, '1929-07-28', facts, 'Thành lập');
}

export function buildDataset(scale: SeedScale, seed: number): Dataset {
  const tree = createTree();
  const rootId = addConfederation(tree);
  const areas: AreaRow[] = [];
  const successions: SuccessionRow[] = [];
  if (scale === 'national') seedNational({ tree, rootId, seed, areas, successions });
  else {
    const province = scale === 'tiny' ? tinyProvince() : NGHE_AN;
    const starts = { commune: NGHE_AN_FIRST_COMMUNE, newCommune: NGHE_AN_FIRST_COMMUNE + communeCounts(province).old };
    const provinceAreas = buildProvinceAreas(province, starts, seed);
    areas.push(...provinceAreas.rows);
    successions.push(...provinceAreas.successions);
    seedProvince({
      tree,
      rootId,
      province,
      areas: provinceAreas,
      random: createRandom(deriveSeed(seed, province.code)),
    });
  }
  return { areas, successions, units: unitRows(tree), versions: expandVersions(tree) };
}
