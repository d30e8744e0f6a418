/**
 * One province's union network from its configuration: the provincial federation, its district
 * federations, sector and zone unions, the grassroots unions under them, and the 2025 reform.
 * The 'tiny', 'province' and 'national' scales all go through here with other parameters.
 */
import type { ProvinceAreas } from './areas.ts';
import { addBigUnitChildren, type BigSpec, bigUnitSpecs } from './big-units.ts';
import { createCodeCounter, districtFederationCode } from './codes.ts';
import type { ProvinceConfig, SectorKey } from './config.ts';
import { REFORM_DATE } from './dates.ts';
import { districtSpecs, type Scene, tradeAssociationSpecs } from './district-bodies.ts';
import { bigUnitLife, drawLife, type Life } from './lifecycle.ts';
import type { Random } from './random.ts';
import { planReform, REASONS, type ReformPlan } from './reform.ts';
import { sectorSpecs, zoneSpecs } from './sector-bodies.ts';
import { ENTERPRISE_NAMES, type GrassrootsSpec, type NameBook } from './specs.ts';
import { addUnit, changeUnit, currentFacts, endUnit, getUnit, type Tree } from './tree.ts';

export type ProvinceInput = {
  tree: Tree;
  rootId: number;
  province: ProvinceConfig;
  areas: ProvinceAreas;
  random: Random;
};

type Item = { spec: GrassrootsSpec; life: Life; big?: BigSpec['kind'] };

/** 'Công ty TNHH X' becomes 'Công ty Cổ phần X' (an enterprise equitised), when that name is free. */
function renamed(names: NameBook, name: string): string | null {
  const next = name
    .replace('Công ty TNHH ', 'Công ty Cổ phần ')
    .replace('Cổ phần MTV ', 'Cổ phần ')
    .replace('Cổ phần Một thành viên ', 'Cổ phần ');
  const used = names.get(ENTERPRISE_NAMES);
  if (next === name || !used || used.has(next)) return null;
  used.add(next);
  return next;
}

/** Creates one CĐCS and its history; returns its id and its reform-day area change, if any. */
function addGrassroots(input: ProvinceInput, scene: Scene, plan: ReformPlan, item: Item, code: string) {
  const { tree } = input;
  const { spec, life } = item;
  const successor = plan.successorOf(spec.areaCode).code;
  const after = life.dissolvedOn === null ? plan.placementOf(spec) : null;
  const facts = { type: spec.type, name: spec.name };
  if (after && life.foundedOn >= REFORM_DATE) {
    const id = addUnit(
      tree,
      code,
      life.foundedOn,
      { ...facts, parentId: after.parentId, areaCode: successor },
      REASONS.founded,
    );
    return { id, reform: null };
  }
  const id = addUnit(
    tree,
    code,
    life.foundedOn,
    { ...facts, parentId: spec.home, areaCode: spec.areaCode },
    REASONS.founded,
  );
  const newName = life.renamedOn ? renamed(scene.names, spec.name) : null;
  if (life.renamedOn && newName) changeUnit(tree, id, life.renamedOn, { name: newName }, REASONS.renamed);
  if (!after) {
    endUnit(tree, id, life.dissolvedOn as string);
    return { id, reform: null };
  }
  changeUnit(tree, id, REFORM_DATE, { parentId: after.parentId, areaCode: successor }, after.reason);
  // Its inner units keep their parent but change area (and path, when it moved).
  const moved = after.parentId !== spec.home;
  const reason = moved ? REASONS.withParent(currentFacts(tree, after.parentId).name) : REASONS.area;
  return { id, reform: { areaCode: successor, reason } };
}

export function seedProvince(input: ProvinceInput): void {
  const { tree, province, areas, random } = input;
  const code = createCodeCounter(province.code);
  const provinceUnit = (parentId: number, type: string, name: string, shortName: string, areaCode: string) => ({
    parentId,
    type,
    name,
    shortName,
    areaCode,
  });
  const federationName = `Liên đoàn Lao động ${province.label}`;
  const federationId = addUnit(
    tree,
    province.code,
    province.federationFounded,
    provinceUnit(input.rootId, 'provincial_federation', federationName, `LĐLĐ ${province.label}`, province.code),
    REASONS.founded,
  );
  const ended = new Set<number>();
  const districts = new Map<string, number>();
  for (const d of province.districts) {
    const facts = provinceUnit(
      federationId,
      'district_federation',
      `Liên đoàn Lao động ${d.label}`,
      `LĐLĐ ${d.label}`,
      d.code,
    );
    const id = addUnit(
      tree,
      districtFederationCode(province.code, d.code),
      d.federationFounded,
      facts,
      REASONS.founded,
    );
    districts.set(d.code, id);
    ended.add(id);
  }
  const sectors = new Map<SectorKey, number>();
  for (const s of province.sectors) {
    const id = addUnit(
      tree,
      code('N'),
      s.founded,
      provinceUnit(federationId, 'sector_union', s.name, s.shortName, province.code),
      REASONS.founded,
    );
    sectors.set(s.key, id);
    if (s.endsAtReform) ended.add(id);
  }
  const zones = province.zones.map((z) =>
    addUnit(
      tree,
      code('K'),
      z.founded,
      provinceUnit(federationId, 'zone_union', z.name, z.shortName, province.code),
      REASONS.founded,
    ),
  );

  const scene: Scene = { province, areas, random, names: new Map() };
  const specs = [
    ...province.districts.flatMap((d) => districtSpecs(scene, d, districts.get(d.code) as number)),
    ...tradeAssociationSpecs(scene, districts),
    ...province.sectors.flatMap((s) => sectorSpecs(scene, s, sectors.get(s.key) as number)),
    ...province.zones.flatMap((z, i) => zoneSpecs(scene, z, zones[i] as number)),
  ];
  const items: Item[] = specs.map((spec) => ({ spec, life: drawLife(random, spec.enterprise, spec.notBefore) }));
  for (const big of bigUnitSpecs(scene, { sectors, zones, districts }, province.bigUnits)) {
    items.push({ spec: big.spec, life: bigUnitLife(random, getUnit(tree, big.spec.home).foundedOn), big: big.kind });
  }

  const plan = planReform({
    tree,
    areas,
    ended,
    federationId,
    publicServiceId: sectors.get('public_service'),
    survivors: items.filter((i) => i.life.dissolvedOn === null).map((i) => i.spec),
    code: () => code('X'),
  });
  const capital = province.districts[0]?.bare ?? province.bare;
  for (const item of items) {
    const { id, reform } = addGrassroots(
      input,
      scene,
      plan,
      item,
      code(item.spec.type === 'trade_association_union' ? 'D' : 'C'),
    );
    if (!item.big) continue;
    const areaCode = item.spec.areaCode;
    addBigUnitChildren(
      { tree, random, code, areaCode, reform },
      { id, kind: item.big, founded: item.life.foundedOn, capital },
    );
  }
  for (const id of ended) endUnit(tree, id, REFORM_DATE);
}
