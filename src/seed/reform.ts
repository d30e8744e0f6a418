/**
 * The 2025 reform as dated history (effective REFORM_DATE): district federations and some sector
 * unions end; public bodies of communes and districts go to new commune unions, provincial bodies
 * to the public servants' union, enterprises straight under the provincial federation.
 */
import type { Commune, ProvinceAreas } from './areas.ts';
import { REFORM_DATE } from './dates.ts';
import type { GrassrootsSpec } from './specs.ts';
import { addUnit, currentFacts, type Tree } from './tree.ts';

const TWO_LEVELS = 'Sắp xếp tổ chức bộ máy theo mô hình chính quyền 2 cấp (01/07/2025)';

export const REASONS = {
  founded: 'Thành lập',
  communeUnion: `Thành lập theo ${TWO_LEVELS.charAt(0).toLowerCase()}${TWO_LEVELS.slice(1)}`,
  movedTo: (upper: string) => `${TWO_LEVELS}: công đoàn cấp trên kết thúc hoạt động, chuyển về ${upper}`,
  withParent: (upper: string) => `${TWO_LEVELS}: cùng công đoàn cơ sở chuyển về ${upper}`,
  area: 'Sắp xếp đơn vị hành chính cấp xã (01/07/2025): cập nhật địa bàn theo xã, phường mới',
  renamed: 'Đổi tên theo Giấy chứng nhận đăng ký doanh nghiệp mới',
};

export type Placement = { parentId: number; reason: string };

export type ReformPlan = {
  /** Where a CĐCS stands from REFORM_DATE on, and why. */
  placementOf: (spec: GrassrootsSpec) => Placement;
  successorOf: (oldCode: string) => Commune;
};

type PlanInput = {
  tree: Tree;
  areas: ProvinceAreas;
  /** Units that end on REFORM_DATE. */
  ended: Set<number>;
  federationId: number;
  /** Receives provincial public bodies of ended sector unions; the federation when absent. */
  publicServiceId: number | undefined;
  /** Specs that will be operating on REFORM_DATE (or be founded after it). */
  survivors: GrassrootsSpec[];
  code: () => string;
};

/** Who goes where: ends in 'commune' when the CĐCS needs a commune union. */
function destination(spec: GrassrootsSpec, ended: Set<number>): 'stay' | 'federation' | 'public_service' | 'commune' {
  if (!ended.has(spec.home)) return 'stay';
  if (spec.enterprise) return 'federation';
  return spec.scope === 'province' ? 'public_service' : 'commune';
}

/** Creates the commune unions the reform needs (one per new commune receiving public CĐCS). */
export function planReform(input: PlanInput): ReformPlan {
  const { tree, areas, ended } = input;
  const successorOf = (oldCode: string): Commune => {
    const c = areas.successorOf.get(oldCode);
    if (!c) throw new Error(`commune ${oldCode} has no successor`);
    return c;
  };
  const needed = new Set(
    input.survivors.filter((s) => destination(s, ended) === 'commune').map((s) => successorOf(s.areaCode).code),
  );
  const communeUnions = new Map<string, number>();
  for (const c of areas.newCommunes) {
    if (!needed.has(c.code)) continue;
    const name = `Công đoàn ${c.isWard ? 'phường' : 'xã'} ${c.bare}`;
    const facts = { parentId: input.federationId, type: 'commune_union', name, areaCode: c.code };
    communeUnions.set(c.code, addUnit(tree, input.code(), REFORM_DATE, facts, REASONS.communeUnion));
  }
  const to = (parentId: number): Placement => ({
    parentId,
    reason: REASONS.movedTo(currentFacts(tree, parentId).name),
  });
  const placementOf = (spec: GrassrootsSpec): Placement => {
    switch (destination(spec, ended)) {
      case 'stay':
        return { parentId: spec.home, reason: REASONS.area };
      case 'federation':
        return to(input.federationId);
      case 'public_service':
        return to(input.publicServiceId ?? input.federationId);
      case 'commune':
        return to(communeUnions.get(successorOf(spec.areaCode).code) as number);
    }
  };
  return { placementOf, successorOf };
}
