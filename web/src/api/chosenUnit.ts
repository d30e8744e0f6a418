import { useLiveSearchParams } from '../lib/searchParams.ts';
import { useMe } from './auth.ts';
import { useUnitAsItem } from './units.ts';

/**
 * The unit a page is about: the one in the address (?unit=), else the officer's own unit, whose
 * reports, announcements or surveys they keep. `choose` writes the choice to the address.
 */
export function useChosenUnit(asOf: string) {
  const me = useMe();
  const [params, setParams] = useLiveSearchParams();
  const ownUnit = me.data?.roles.find((r) => r.unitId !== null)?.unitId ?? null;
  const unitId = params.get('unit') ? Number(params.get('unit')) : ownUnit;
  const unit = useUnitAsItem(unitId, asOf);
  const choose = (u: { id: number } | null) =>
    setParams(
      (p) => {
        if (u) p.set('unit', String(u.id));
        else p.delete('unit');
        return p;
      },
      { replace: true },
    );
  return { me, unitId, unit: unitId ? unit : null, choose };
}
