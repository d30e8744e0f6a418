import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconBuildingFactory2,
  IconChartBar,
  IconChartDonut3,
  IconClipboardList,
  IconDeviceMobile,
  IconExternalLink,
  IconFileReport,
  IconFileText,
  IconHierarchy2,
  IconHome,
  IconMessages,
  IconSeeding,
  IconSpeakerphone,
  IconTableImport,
  IconTarget,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useOpenThreads } from '../api/feedback.ts';
import { usePendingIncoming } from '../api/transfers.ts';
import type { Me } from '../api/types.ts';
import { isWriter } from '../lib/roles.ts';
import { UserMenu } from './UserMenu.tsx';

/** Steering the plan: the dashboard, plans with their target tables, and the periodic reports. */
const steering = [
  { key: 'dashboard', to: '/dashboard', icon: IconChartBar },
  { key: 'targets', to: '/plans', icon: IconTarget },
  { key: 'reports', to: '/reports', icon: IconFileReport },
] as const;

/** Hearing from the union: announcements with read receipts, and surveys (labels in their own i18n files). */
const hearing = [
  { key: 'announcements', to: '/announcements', icon: IconSpeakerphone },
  { key: 'surveys', to: '/surveys', icon: IconClipboardList },
] as const;

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const inTree = pathname.startsWith('/tree') || pathname.startsWith('/units');
  const inMembers = pathname.startsWith('/members') || pathname.startsWith('/applications');
  const inEnterprises = pathname.startsWith('/enterprises');
  const writer = isWriter(me);
  // Transfers waiting for this officer's consent, shown on the menu wherever they are.
  const incoming = usePendingIncoming(writer);
  // Members' threads waiting for an answer in the officer's units.
  const openThreads = useOpenThreads(true);

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
              {writer && (
                <NavLink
                  component={Link}
                  to="/members/import"
                  label={t('nav.import')}
                  pl="xl"
                  leftSection={<IconTableImport size={16} />}
                  active={pathname === '/members/import'}
                  variant="subtle"
                  onClick={close}
                  data-testid="nav-import"
                />
              )}
            </>
          )}
          {writer && (
            <NavLink
              component={Link}
              to="/transfers"
              label={t('nav.transfers')}
              leftSection={<IconArrowsExchange size={18} />}
              rightSection={
                incoming > 0 ? (
                  <Badge size="sm" color="red" circle={incoming < 10} data-testid="nav-transfers-count">
                    {incoming}
                  </Badge>
                ) : undefined
              }
              active={pathname.startsWith('/transfers')}
              onClick={close}
              data-testid="nav-transfers"
            />
          )}
          <NavLink
            component={Link}
            to="/enterprises"
            label={t('nav.enterprises')}
            leftSection={<IconBuildingFactory2 size={18} />}
            active={inEnterprises}
            onClick={close}
            data-testid="nav-enterprises"
          />
          {inEnterprises && (
            <>
              <NavLink
                component={Link}
                to="/enterprises/conflicts"
                label={t('nav.conflicts')}
                pl="xl"
                leftSection={<IconAlertTriangle size={16} />}
                active={pathname === '/enterprises/conflicts'}
                variant="subtle"
                onClick={close}
                data-testid="nav-conflicts"
              />
              {writer && (
                <NavLink
                  component={Link}
                  to="/enterprises/import"
                  label={t('nav.registerImport')}
                  pl="xl"
                  leftSection={<IconTableImport size={16} />}
                  active={pathname === '/enterprises/import'}
                  variant="subtle"
                  onClick={close}
                  data-testid="nav-register-import"
                />
              )}
            </>
          )}
          <NavLink
            component={Link}
            to="/coverage"
            label={t('nav.coverage')}
            leftSection={<IconChartDonut3 size={18} />}
            active={pathname.startsWith('/coverage')}
            onClick={close}
            data-testid="nav-coverage"
          />
          <NavLink
            component={Link}
            to="/drives"
            label={t('nav.organizing')}
            leftSection={<IconSeeding size={18} />}
            active={pathname.startsWith('/drives')}
            onClick={close}
            data-testid="nav-drives"
          />
          {steering.map(({ key, to, icon: Icon }) => (
            <NavLink
              key={key}
              component={Link}
              to={to}
              label={t(`nav.${key}`)}
              leftSection={<Icon size={18} />}
              active={pathname.startsWith(to)}
              onClick={close}
              data-testid={`nav-${key}`}
            />
          ))}
          {hearing.map(({ key, to, icon: Icon }) => (
            <NavLink
              key={key}
              component={Link}
              to={to}
              label={t(`${key}.nav`)}
              leftSection={<Icon size={18} />}
              active={pathname.startsWith(to)}
              onClick={close}
              data-testid={`nav-${key}`}
            />
          ))}
          <NavLink
            component={Link}
            to="/inbox"
            label={t('inbox.nav')}
            leftSection={<IconMessages size={18} />}
            rightSection={
              openThreads > 0 ? (
                <Badge size="sm" color="orange" circle={openThreads < 10} data-testid="nav-inbox-count">
                  {openThreads}
                </Badge>
              ) : undefined
            }
            active={pathname.startsWith('/inbox')}
            onClick={close}
            data-testid="nav-inbox"
          />
          {/* The members' own app, to show a member or try it: it opens beside the officers' one. */}
          <NavLink
            component="a"
            href="/app/"
            target="_blank"
            rel="noopener"
            label={t('nav.memberApp')}
            leftSection={<IconDeviceMobile size={18} />}
            rightSection={<IconExternalLink size={14} />}
            data-testid="nav-member-app"
          />
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
