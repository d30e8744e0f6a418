import { Anchor, Card, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChildren, useSortedUnits } from '../../api/units.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TypeBadge } from '../../components/TypeBadge.tsx';

/** The unit's direct sub-units on the asked day, each a link to its own page. */
export function UnitChildren({ id, asOf }: { id: number; asOf: string }) {
  const { t } = useTranslation();
  const children = useChildren(id, asOf, true);
  const items = useSortedUnits(children.data?.items);
  return (
    <Card withBorder radius="md" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('unit.childrenTitle')}</Title>
        {children.data && (
          <Text size="sm" c="dimmed">
            {items.length} {t('common.units')}
          </Text>
        )}
      </Group>
      {children.isPending && <Loader size="sm" />}
      {children.isError && <ErrorAlert error={children.error} onRetry={() => children.refetch()} />}
      {children.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tree.noChildren')}
        </Text>
      )}
      {items.length > 0 && (
        <ScrollArea.Autosize mah={360} type="auto">
          <Stack gap={6} data-testid="unit-children">
            {items.map((c) => (
              <Group key={c.id} gap="xs" wrap="nowrap">
                <TypeBadge type={c.type} />
                <Anchor component={Link} to={`/units/${c.id}?asOf=${asOf}`} size="sm" data-testid="unit-child">
                  {c.name}
                </Anchor>
                {c.childCount > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('tree.childCount', { count: c.childCount })}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
