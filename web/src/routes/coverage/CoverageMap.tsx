import { Anchor, Badge, Box, Breadcrumbs, Card, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconMap2 } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { formatPct } from '../enterprises/format.ts';
import { type Bubble, HEIGHT, projectSeats, radius, rateColor, relax, SEATS, spiral, WIDTH } from './bubbles.ts';
import type { AreaFigure, DistrictFigure } from './useAreaFigures.ts';

const rateOf = (a: AreaFigure) => (a.target === 0 ? null : a.covered / a.target);

/**
 * The offline map: one circle per district (per commune inside a chosen district), sized by the
 * enterprises without a CĐCS and shaded by the coverage rate. Schematic: district seats at their
 * approximate coordinates, no boundaries, nothing loaded from the internet.
 */
export function CoverageMap({
  districts,
  unplaced,
  pending,
  partial,
}: {
  districts: DistrictFigure[];
  unplaced: AreaFigure;
  pending: boolean;
  /** The per-area figures stopped short of the whole list. */
  partial: boolean;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  // One district only (a commune union's area, or a district federation): its communes at once.
  const district = districts.find((d) => d.code === chosen) ?? (districts.length === 1 ? districts[0] : undefined);
  const areas: AreaFigure[] = district ? district.communes : districts;
  const placed = district ? areas : areas.filter((a) => SEATS[a.code]);
  const lacking = district ? [] : areas.filter((a) => !SEATS[a.code]);

  const bubbles = useMemo(() => {
    const max = Math.max(1, ...placed.map((a) => a.uncovered));
    const sorted = [...placed].sort((a, b) => b.uncovered - a.uncovered || a.code.localeCompare(b.code));
    const at = district ? spiral(sorted.length) : null;
    const seats = district ? null : projectSeats(sorted.map((a) => a.code));
    const raw: Bubble[] = sorted.map((a, i) => {
      const p = at ? (at[i] as { x: number; y: number }) : (seats?.get(a.code) as { x: number; y: number });
      return { code: a.code, x: p.x, y: p.y, r: radius(a.uncovered, max), w: shortName(a.name).length * 3.2 };
    });
    return relax(raw);
  }, [placed, district]);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const ranked = [...areas].sort((a, b) => b.uncovered - a.uncovered || (rateOf(a) ?? 1) - (rateOf(b) ?? 1));

  return (
    <Card withBorder radius="md" p="md" data-testid="coverage-map">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <IconMap2 size={20} />
              <Title order={4}>{t('coverage.map.title')}</Title>
              {pending && <Loader size="xs" />}
            </Group>
            <Breadcrumbs separator="›">
              {district && districts.length > 1 ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => setChosen(null)}
                  data-testid="map-back"
                >
                  {t('coverage.map.allDistricts')}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('coverage.map.allDistricts')}
                </Text>
              )}
              {district && (
                <Text size="sm" fw={600} data-testid="map-district">
                  {district.name}
                </Text>
              )}
            </Breadcrumbs>
          </Stack>
          <Legend />
        </Group>
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Box
              component="svg"
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              w="100%"
              style={{ display: 'block', background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}
              role="img"
              aria-label={t('coverage.map.title')}
              data-testid="map-svg"
            >
              <text x={12} y={22} fontSize={12} fill="#868e96">
                {district ? t('coverage.map.communeNote') : t('coverage.map.districtNote')}
              </text>
              {!district && <NorthArrow />}
              {bubbles.map((b) => {
                const a = byCode.get(b.code) as AreaFigure;
                const rate = rateOf(a);
                const inner = (
                  <>
                    <title>
                      {`${a.name}: ${t('coverage.map.tooltip', {
                        uncovered: formatNumber(a.uncovered),
                        covered: formatNumber(a.covered),
                        target: formatNumber(a.target),
                        rate: rate === null ? '—' : formatPct(rate),
                      })}`}
                    </title>
                    <circle
                      cx={b.x}
                      cy={b.y}
                      r={b.r}
                      fill={rateColor(rate)}
                      fillOpacity={0.78}
                      stroke="#fff"
                      strokeWidth={1.5}
                    />
                    {b.r >= 13 && (
                      <text x={b.x} y={b.y + 4} textAnchor="middle" fontSize={12} fontWeight={700} fill="#fff">
                        {a.uncovered}
                      </text>
                    )}
                    <text x={b.x} y={b.y + b.r + 12} textAnchor="middle" fontSize={11} fill="#343a40">
                      {shortName(a.name)}
                    </text>
                  </>
                );
                const data = { 'data-testid': 'map-area', 'data-code': a.code, 'data-uncovered': a.uncovered };
                // A district opens its communes; a commune is the finest the map goes.
                return district ? (
                  <g key={b.code} {...data}>
                    {inner}
                  </g>
                ) : (
                  // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the group is the control
                  <g
                    key={b.code}
                    {...data}
                    role="button"
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    onClick={() => setChosen(a.code)}
                    onKeyDown={(e) => e.key === 'Enter' && setChosen(a.code)}
                  >
                    {inner}
                  </g>
                );
              })}
              {bubbles.length === 0 && !pending && (
                <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" fontSize={14} fill="#868e96">
                  {t('coverage.map.empty')}
                </text>
              )}
            </Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="sm">
              <Table verticalSpacing={4} fz="sm" highlightOnHover data-testid="map-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{district ? t('coverage.map.commune') : t('coverage.map.district')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.map.uncovered')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.rate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ranked.slice(0, 12).map((a) => {
                    const rate = rateOf(a);
                    return (
                      <Table.Tr
                        key={a.code}
                        style={{ cursor: district ? undefined : 'pointer' }}
                        onClick={district ? undefined : () => setChosen(a.code)}
                        data-testid="map-row"
                      >
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <span
                              style={{
                                width: 10,
                                height: 10,
                                borderRadius: 5,
                                background: rateColor(rate),
                                flexShrink: 0,
                              }}
                            />
                            <Text size="sm" lineClamp={1}>
                              {a.name}
                            </Text>
                          </Group>
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(a.uncovered)}</Table.Td>
                        <Table.Td ta="right">{rate === null ? '—' : formatPct(rate)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {(lacking.length > 0 || unplaced.target > 0) && (
                <Card withBorder radius="md" p="sm" bg="yellow.0" data-testid="map-lacking">
                  <Text size="sm" fw={600} mb={4}>
                    {t('coverage.map.lacking')}
                  </Text>
                  <Stack gap={2}>
                    {lacking.map((a) => (
                      <Group key={a.code} justify="space-between" gap="xs" wrap="nowrap">
                        <Text size="sm">{a.name}</Text>
                        <Badge size="sm" variant="light" color="red" tt="none">
                          {t('coverage.map.uncoveredOf', { uncovered: a.uncovered, target: a.target })}
                        </Badge>
                      </Group>
                    ))}
                    {unplaced.target > 0 && (
                      <Group justify="space-between" gap="xs" wrap="nowrap" data-testid="map-unplaced">
                        <Text size="sm" c="dimmed">
                          {t('coverage.map.unplaced')}
                        </Text>
                        <Badge size="sm" variant="light" color="red" tt="none">
                          {t('coverage.map.uncoveredOf', { uncovered: unplaced.uncovered, target: unplaced.target })}
                        </Badge>
                      </Group>
                    )}
                  </Stack>
                </Card>
              )}
              {partial && (
                <Text size="xs" c="orange.8">
                  {t('coverage.map.partial')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('coverage.map.howTo')}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Card>
  );
}

/** "Huyện Diễn Châu" -> "Diễn Châu": the kind of area is the same for every bubble. */
function shortName(name: string): string {
  return name.replace(/^(Thành phố|Thị xã|Huyện|Phường|Xã|Thị trấn)\s+/, '');
}

function NorthArrow() {
  const { t } = useTranslation();
  return (
    <g transform={`translate(${WIDTH - 30}, 40)`} fill="#868e96">
      <path d="M0 -16 L7 6 L0 1 L-7 6 Z" />
      <text y={20} textAnchor="middle" fontSize={11}>
        {t('coverage.map.north')}
      </text>
    </g>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-end">
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          {t('coverage.map.legendRate')}
        </Text>
        {[0, 0.25, 0.5, 0.75, 1].map((r) => (
          <Group key={r} gap={2}>
            <span
              style={{ width: 12, height: 12, borderRadius: 6, background: rateColor(r), display: 'inline-block' }}
            />
            <Text size="xs">{Math.round(r * 100)}%</Text>
          </Group>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('coverage.map.legendSize')}
      </Text>
    </Stack>
  );
}
