/**
 * The unit tree held in memory while the demo data is generated: each unit with its own versions
 * (what the generator decided: parent, type, name, area). Paths are derived at the end, because a
 * move of an ancestor changes the path of every descendant and so splits their versions too.
 */
import { fold, sortKey } from '../lib/vietnamese.ts';
import { maxDate, minDate } from './dates.ts';

export type UnitFacts = {
  parentId: number | null;
  type: string;
  name: string;
  shortName?: string | null;
  areaCode: string | null;
};

type OwnVersion = UnitFacts & { from: string; to: string | null; reason: string };

export type SeedUnit = {
  id: number;
  code: string;
  foundedOn: string;
  dissolvedOn: string | null;
  versions: OwnVersion[];
};

export type Tree = { units: SeedUnit[] };

export type UnitRow = { id: number; code: string; foundedOn: string; dissolvedOn: string | null };

export type VersionRow = {
  unitId: number;
  validFrom: string;
  validTo: string | null;
  parentId: number | null;
  type: string;
  name: string;
  nameFolded: string;
  sortKey: string;
  shortName: string | null;
  areaCode: string | null;
  path: string;
  depth: number;
  changeReason: string;
};

export function createTree(): Tree {
  return { units: [] };
}

/** Adds a unit whose first version opens on its founding day; ids follow insertion order from 1. */
export function addUnit(tree: Tree, code: string, foundedOn: string, facts: UnitFacts, reason: string): number {
  const id = tree.units.length + 1;
  tree.units.push({
    id,
    code,
    foundedOn,
    dissolvedOn: null,
    versions: [{ ...facts, from: foundedOn, to: null, reason }],
  });
  return id;
}

export function getUnit(tree: Tree, id: number): SeedUnit {
  const unit = tree.units[id - 1];
  if (!unit) throw new Error(`no unit ${id}`);
  return unit;
}

function openVersion(unit: SeedUnit, on: string): OwnVersion {
  const open = unit.versions[unit.versions.length - 1];
  if (!open || open.to !== null) throw new Error(`unit ${unit.code} has no open version`);
  if (on <= open.from) throw new Error(`unit ${unit.code}: change on ${on} is not after ${open.from}`);
  return open;
}

/** Current facts of a unit (its open or last version). */
export function currentFacts(tree: Tree, id: number): OwnVersion {
  const versions = getUnit(tree, id).versions;
  return versions[versions.length - 1] as OwnVersion;
}

/** Closes the open version on `on` and opens one with the changed facts. */
export function changeUnit(tree: Tree, id: number, on: string, patch: Partial<UnitFacts>, reason: string): void {
  const unit = getUnit(tree, id);
  const open = openVersion(unit, on);
  open.to = on;
  unit.versions.push({ ...open, ...patch, from: on, to: null, reason });
}

/** Ends a unit on `on`: its last version closes and the unit is dissolved that day. */
export function endUnit(tree: Tree, id: number, on: string): void {
  const unit = getUnit(tree, id);
  openVersion(unit, on).to = on;
  unit.dissolvedOn = on;
}

type Segment = { from: string; to: string; path: string };

// Open-ended periods compare as this date, so that min/max work on plain strings.
const FOREVER = '9999-12-31';

/**
 * Turns own versions into stored versions: each own version is split wherever its parent's path
 * changes, and gets its path from the parent's segment. Throws when a version points at a parent
 * that has no version covering part of its period: such data would break as-of queries.
 */
export function expandVersions(tree: Tree): VersionRow[] {
  const segments = new Map<number, Segment[]>();
  // Rows per unit, so that they are stored in unit order whatever order the recursion visits.
  const rowsOf: VersionRow[][] = [];
  // A unit keeps its name over most versions: fold and sortKey once per name.
  const keys = new Map<string, [string, string]>();
  const nameKeys = (name: string): [string, string] => {
    const known = keys.get(name);
    if (known) return known;
    const k: [string, string] = [fold(name), sortKey(name)];
    keys.set(name, k);
    return k;
  };

  const expand = (unit: SeedUnit): Segment[] => {
    const done = segments.get(unit.id);
    if (done) return done;
    const out: Segment[] = [];
    const rows: VersionRow[] = [];
    rowsOf[unit.id] = rows;
    for (const v of unit.versions) {
      const vTo = v.to ?? FOREVER;
      const pieces: Segment[] = [];
      if (v.parentId === null) pieces.push({ from: v.from, to: vTo, path: String(unit.id) });
      else {
        for (const p of expand(getUnit(tree, v.parentId))) {
          const from = maxDate(p.from, v.from);
          const to = minDate(p.to, vTo);
          if (from >= to) continue;
          const path = `${p.path}.${unit.id}`;
          const last = pieces[pieces.length - 1];
          // The parent's own changes (name, area) keep its path: no need to split the child there.
          if (last && last.to === from && last.path === path) last.to = to;
          else pieces.push({ from, to, path });
        }
      }
      let covered = v.from;
      for (const piece of pieces) {
        if (piece.from !== covered) break;
        covered = piece.to;
      }
      if (covered !== vTo) throw new Error(`unit ${unit.code}: parent ${v.parentId} does not cover ${v.from}..${v.to}`);
      const [nameFolded, nameSortKey] = nameKeys(v.name);
      for (const piece of pieces) {
        out.push(piece);
        rows.push({
          unitId: unit.id,
          validFrom: piece.from,
          validTo: piece.to === FOREVER ? null : piece.to,
          parentId: v.parentId,
          type: v.type,
          name: v.name,
          nameFolded,
          sortKey: nameSortKey,
          shortName: v.shortName ?? null,
          areaCode: v.areaCode,
          path: piece.path,
          depth: piece.path.split('.').length - 1,
          changeReason:
            piece.from === v.from ? v.reason : 'Đơn vị cấp trên được sắp xếp lại (đường dẫn trong cây thay đổi)',
        });
      }
    }
    segments.set(unit.id, out);
    return out;
  };

  for (const unit of tree.units) expand(unit);
  // Stored in unit order, then by period: the same data gives the same version ids.
  return rowsOf.flat();
}

export function unitRows(tree: Tree): UnitRow[] {
  return tree.units.map(({ id, code, foundedOn, dissolvedOn }) => ({ id, code, foundedOn, dissolvedOn }));
}
