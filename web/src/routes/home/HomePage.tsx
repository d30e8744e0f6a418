import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconClockHour4, IconHierarchy2, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../api/types.ts';
import { viCollator } from '../../lib/format.ts';

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack maw={1100} gap="lg">
      <Card withBorder radius="md" p="xl" data-testid="welcome">
        <Title order={2}>{t('home.welcome', { name: me.displayName })}</Title>
        <Text c="dimmed" mt="xs" maw={720}>
          {t('home.intro')}
        </Text>
        <Text fw={600} mt="lg" mb="xs">
          {t('home.yourUnits')}
        </Text>
        <List spacing={6} data-testid="my-units">
          {[...me.roles]
            .sort((a, b) => viCollator.compare(a.unitName ?? '', b.unitName ?? ''))
            .map((r) => (
              <List.Item key={`${r.role}-${r.unitId ?? 'all'}`}>
                <Group gap="xs">
                  {r.unitId ? (
                    <Anchor component={Link} to={`/units/${r.unitId}`}>
                      {r.unitName}
                    </Anchor>
                  ) : (
                    <Text>{t('home.wholeSystem')}</Text>
                  )}
                  <Badge variant="light" size="sm">
                    {t(`roles.${r.role}`)}
                  </Badge>
                </Group>
              </List.Item>
            ))}
        </List>
      </Card>

      <Title order={4}>{t('home.quickLinks')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Card withBorder radius="md" component={Link} to="/tree" data-testid="quick-tree">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon size={40} variant="light">
              <IconHierarchy2 size={22} />
            </ThemeIcon>
            <div>
              <Group gap={6}>
                <Text fw={600}>{t('home.openTree')}</Text>
                <IconArrowRight size={16} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('home.openTreeText')}
              </Text>
            </div>
          </Group>
        </Card>
        <Card withBorder radius="md" component={Link} to="/members" data-testid="quick-members">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon size={40} variant="light" color="teal">
              <IconUsers size={22} />
            </ThemeIcon>
            <div>
              <Group gap={6}>
                <Text fw={600}>{t('home.openMembers')}</Text>
                <IconArrowRight size={16} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('home.openMembersText')}
              </Text>
            </div>
          </Group>
        </Card>
        <Card withBorder radius="md">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon size={40} variant="light" color="gray">
              <IconClockHour4 size={22} />
            </ThemeIcon>
            <div>
              <Text fw={600}>{t('home.comingTitle')}</Text>
              <Text size="sm" c="dimmed">
                {t('home.comingText')}
              </Text>
            </div>
          </Group>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
