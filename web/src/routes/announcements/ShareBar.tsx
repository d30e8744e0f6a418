import { Group, Progress, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format.ts';

/** A share as a bar with its percentage and, when given, the counts behind it. */
export function ShareBar({
  share,
  count,
  of,
  testId,
  width = 200,
}: {
  share: number;
  count?: number;
  of?: number;
  testId?: string;
  width?: number;
}) {
  const pct = Math.round(share * 1000) / 10;
  return (
    <Group gap="xs" wrap="nowrap" data-testid={testId}>
      <Progress value={pct} w={width} size="lg" radius="sm" aria-label={`${pct}%`} />
      <Text size="sm" fw={500} miw={48} ta="right">
        {pct.toLocaleString('vi-VN')}%
      </Text>
      {count !== undefined && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatNumber(count)}
          {of !== undefined ? ` / ${formatNumber(of)}` : ''}
        </Text>
      )}
    </Group>
  );
}
