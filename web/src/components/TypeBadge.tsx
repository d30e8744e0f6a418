import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnitTypeMap } from '../api/units.ts';

const colors: Record<string, string> = {
  confederation: 'red.9',
  provincial_federation: 'red',
  district_federation: 'orange',
  sector_union: 'violet',
  zone_union: 'teal',
  grassroots_union: 'blue',
  member_grassroots_union: 'cyan',
  union_section: 'gray',
  union_team: 'gray',
  trade_association_union: 'lime',
};

/** The unit type's Vietnamese abbreviation (LĐLĐ, CĐCS…), with the full name on hover. */
export function TypeBadge({ type }: { type: string }) {
  const { i18n } = useTranslation();
  const t = useUnitTypeMap().get(type);
  const full = t ? (i18n.language === 'en' ? t.nameEn : t.nameVi) : type;
  return (
    <Tooltip label={full} openDelay={400} withinPortal>
      <Badge
        variant="light"
        color={colors[type] ?? 'gray'}
        radius="sm"
        size="sm"
        miw={64}
        style={{ flexShrink: 0, textTransform: 'none' }}
        data-testid="type-badge"
      >
        {t?.abbrevVi ?? t?.nameVi ?? type}
      </Badge>
    </Tooltip>
  );
}

/** The unit type's full name in the UI language. */
export function useTypeName() {
  const { i18n } = useTranslation();
  const map = useUnitTypeMap();
  return (code: string) => {
    const t = map.get(code);
    return t ? (i18n.language === 'en' ? t.nameEn : t.nameVi) : code;
  };
}
