import { Button, Group, Skeleton, Text } from '@mantine/core';
import { IconPrinter, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMemberCount } from '../../api/members.ts';
import type { UnitDetail } from '../../api/types.ts';
import { useUnitTypeMap } from '../../api/units.ts';
import { formatNumber } from '../../lib/format.ts';
import { CardSheetModal } from './CardSheetModal.tsx';

/**
 * "N đoàn viên (M nữ)" under the unit on the viewed day, linking to them in the register; on an
 * operating CĐCS the caller may write to, the way to admit a new member there and to print their cards.
 */
export function UnitMembers({ unit, canAdmit }: { unit: UnitDetail; canAdmit: boolean }) {
  const { t } = useTranslation();
  const count = useMemberCount(unit.id, unit.asOf);
  const grassroots = useUnitTypeMap().get(unit.type)?.isGrassroots ?? false;
  const [printing, setPrinting] = useState(false);
  return (
    <Group gap="md" data-testid="unit-members">
      <Group gap={6} wrap="nowrap">
        <IconUsers size={18} color="var(--mantine-color-dimmed)" />
        {count.data ? (
          <Text
            component={Link}
            to={`/members?under=${unit.id}&asOf=${unit.asOf}`}
            size="sm"
            c="blue.8"
            data-testid="unit-member-count"
          >
            {t('unit.memberCount', {
              count: count.data.total,
              total: formatNumber(count.data.total),
              women: formatNumber(count.data.women),
            })}
          </Text>
        ) : count.isError ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Skeleton h={16} w={140} />
        )}
      </Group>
      {grassroots && canAdmit && !unit.dissolvedOn && (
        <>
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={`/members/new?unit=${unit.id}`}
            leftSection={<IconUserPlus size={16} />}
            data-testid="unit-admit"
          >
            {t('member.admit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => setPrinting(true)}
            data-testid="unit-print-cards"
          >
            {t('cardSheet.title')}
          </Button>
        </>
      )}
      {printing && <CardSheetModal unit={unit} onClose={() => setPrinting(false)} />}
    </Group>
  );
}
