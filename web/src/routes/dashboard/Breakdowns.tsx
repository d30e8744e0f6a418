import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/dashboard.ts';
import { formatDay, formatNumber } from '../../lib/format.ts';

const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'gray.5', 'cyan.6', 'red.6', 'lime.6'];

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" p="md" data-testid={testId}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Members at the month ends of the last 24 months (the last point is the day asked). */
export function MembersChart({ data: d }: { data: Dashboard }) {
  const { t } = useTranslation();
  const rows = d.series.map((p) => ({ day: formatDay(p.day).slice(3), members: p.members }));
  const values = d.series.map((p) => p.members);
  // Round the axis to a step of the spread's size, so the ticks read as round numbers.
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, hi - lo))));
  const bottom = Math.max(0, Math.floor(lo / step) * step - step);
  const top = Math.ceil(hi / step) * step + step;
  return (
    <Section title={t('dashboard.series.title')} testId="dashboard-series">
      <LineChart
        h={260}
        data={rows}
        dataKey="day"
        series={[{ name: 'members', label: t('dashboard.series.members'), color: 'blue.6' }]}
        curveType="monotone"
        withDots={false}
        valueFormatter={formatNumber}
        yAxisProps={{ domain: [bottom, top], width: 70 }}
        xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 24 }}
      />
    </Section>
  );
}

function Donut({ items, testId }: { items: { name: string; value: number; color: string }[]; testId: string }) {
  const shown = items.filter((i) => i.value > 0);
  const total = shown.reduce((s, i) => s + i.value, 0);
  return (
    <Group gap="md" wrap="nowrap" align="center" data-testid={testId}>
      <DonutChart data={shown} size={130} thickness={22} withTooltip valueFormatter={formatNumber} />
      <Stack gap={4} style={{ minWidth: 0 }}>
        {shown.map((i) => (
          <Group key={i.name} gap={6} wrap="nowrap">
            <div
              style={{
                width: 10,
                height: 10,
                borderRadius: 2,
                flex: 'none',
                background: `var(--mantine-color-${i.color.replace('.', '-')})`,
              }}
            />
            <Text size="sm" lh={1.3}>
              {i.name}:{' '}
              <Text span fw={600}>
                {formatNumber(i.value)}
              </Text>{' '}
              <Text span c="dimmed" size="xs">
                ({total === 0 ? 0 : Math.round((100 * i.value) / total)}%)
              </Text>
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}

/** Members by gender, age band, sector and the ownership of their CĐCS's enterprise. */
export function MemberBreakdowns({ data: d }: { data: Dashboard }) {
  const { t } = useTranslation();
  const g = d.byGender;
  const gender = [
    { name: t('dashboard.gender.female'), value: g.female, color: 'pink.6' },
    { name: t('dashboard.gender.male'), value: g.male, color: 'blue.6' },
    { name: t('dashboard.gender.unknown'), value: g.unknown, color: 'gray.5' },
  ];
  const ages = d.byAge
    .filter((a) => a.band !== 'unknown' || a.members > 0)
    .map((a) => ({ band: t(`dashboard.age.${a.band}`), members: a.members }));
  const sectors = d.bySector.map((s) => ({
    name: s.unit ? s.unit.name : t(`dashboard.sector.${s.kind}`),
    members: s.members,
  }));
  const ownership = d.byOwnership.map((o, i) => ({
    name: t(`dashboard.ownership.${o.ownership}`),
    value: o.members,
    color: COLORS[i % COLORS.length] as string,
  }));
  const label = t('dashboard.series.members');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section title={t('dashboard.gender.title')} testId="dashboard-gender">
        <Donut items={gender} testId="gender-donut" />
      </Section>
      <Section title={t('dashboard.age.title')} testId="dashboard-age">
        <BarChart
          h={180}
          data={ages}
          dataKey="band"
          series={[{ name: 'members', label, color: 'teal.6' }]}
          valueFormatter={formatNumber}
          yAxisProps={{ width: 60 }}
        />
      </Section>
      <Section title={t('dashboard.sector.title')} testId="dashboard-sector">
        <BarChart
          h={Math.max(120, 34 * sectors.length + 30)}
          data={sectors}
          dataKey="name"
          orientation="vertical"
          series={[{ name: 'members', label, color: 'indigo.6' }]}
          valueFormatter={formatNumber}
          yAxisProps={{ width: 190, tick: { fontSize: 11 } }}
        />
      </Section>
      <Section title={t('dashboard.ownership.title')} testId="dashboard-ownership">
        <Donut items={ownership} testId="ownership-donut" />
      </Section>
    </SimpleGrid>
  );
}

/** Active drives on the day by the stage they stood in; stalled ones apart. */
export function DrivesPipeline({ data: d }: { data: Dashboard }) {
  const { t } = useTranslation();
  const rows = d.drives.stages
    .filter((s) => s.stage !== 'recognition')
    .map((s) => ({
      stage: t(`drive.stage.${s.stage}`),
      moving: s.active - s.stalled,
      stalled: s.stalled,
    }));
  return (
    <Section title={t('dashboard.drives.title')} testId="dashboard-drives">
      <BarChart
        h={230}
        data={rows}
        dataKey="stage"
        type="stacked"
        orientation="vertical"
        withLegend
        series={[
          { name: 'moving', label: t('dashboard.drives.active'), color: 'blue.6' },
          { name: 'stalled', label: t('dashboard.drives.stalled'), color: 'orange.6' },
        ]}
        xAxisProps={{ allowDecimals: false }}
        yAxisProps={{ width: 150, tick: { fontSize: 11 }, interval: 0 }}
      />
      <Group justify="space-between" mt="xs">
        <Text size="sm" c="dimmed">
          {t('dashboard.drives.yearLine', {
            recognised: formatNumber(d.drives.recognisedThisYear),
            abandoned: formatNumber(d.drives.abandonedThisYear),
          })}
        </Text>
        <Anchor component={Link} to="/drives" size="sm">
          {t('dashboard.drives.open')}
        </Anchor>
      </Group>
    </Section>
  );
}
