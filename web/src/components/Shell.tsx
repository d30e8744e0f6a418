import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBuildingFactory2,
  IconChartBar,
  IconDeviceMobile,
  IconFileReport,
  IconFileText,
  IconHierarchy2,
  IconHome,
  IconSeeding,
  IconTarget,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../api/types.ts';
import { UserMenu } from './UserMenu.tsx';

const coming = [
  { key: 'enterprises', icon: IconBuildingFactory2 },
  { key: 'organizing', icon: IconSeeding },
  { key: 'targets', icon: IconTarget },
  { key: 'reports', icon: IconFileReport },
  { key: 'memberApp', icon: IconDeviceMobile },
] as const;

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const inTree = pathname.startsWith('/tree') || pathname.startsWith('/units');
  const inMembers = pathname.startsWith('/members') || pathname.startsWith('/applications');

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
      data-testid="app-shell"
    >
      <AppShell.Header bg="blue.8" c="white" style={{ borderBottom: 0 }}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={t('nav.toggle')}
            />
            <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
              <Group gap={10} wrap="nowrap">
                <ThemeIcon size={32} radius="xl" color="red.6" variant="filled">
                  <IconChartBar size={18} />
                </ThemeIcon>
                <div>
                  <Text fw={700} size="lg" lh={1.1} data-testid="product-name">
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="blue.1" lh={1.1} visibleFrom="xs">
                    {t('app.tagline')} · {t('app.federation')}
                  </Text>
                </div>
              </Group>
            </Link>
          </Group>
          <UserMenu me={me} />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Menu">
        <ScrollArea>
          <NavLink
            component={Link}
            to="/"
            label={t('nav.home')}
            leftSection={<IconHome size={18} />}
            active={pathname === '/'}
            onClick={close}
            data-testid="nav-home"
          />
          <NavLink
            component={Link}
            to="/tree"
            label={t('nav.tree')}
            leftSection={<IconHierarchy2 size={18} />}
            active={inTree}
            onClick={close}
            data-testid="nav-tree"
          />
          <NavLink
            component={Link}
            to="/members"
            label={t('nav.members')}
            leftSection={<IconUsers size={18} />}
            active={inMembers}
            onClick={close}
            data-testid="nav-members"
          />
          {inMembers && (
            <>
              <NavLink
                component={Link}
                to="/applications"
                label={t('nav.applications')}
                pl="xl"
                leftSection={<IconFileText size={16} />}
                active={pathname.startsWith('/applications')}
                variant="subtle"
                onClick={close}
                data-testid="nav-applications"
              />
              <NavLink
                component={Link}
                to="/members/quality"
                label={t('nav.quality')}
                pl="xl"
                leftSection={<IconAlertTriangle size={16} />}
                active={pathname === '/members/quality'}
                variant="subtle"
                onClick={close}
                data-testid="nav-quality"
              />
            </>
          )}
          {coming.map(({ key, icon: Icon }) => (
            <NavLink
              key={key}
              component={Link}
              to={`/soon/${key}`}
              label={t(`nav.${key}`)}
              c="dimmed"
              leftSection={<Icon size={18} />}
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {t('nav.soon')}
                </Badge>
              }
              active={pathname === `/soon/${key}`}
              onClick={close}
              data-testid={`nav-${key}`}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
