import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveLocale, useLogout } from '../api/auth.ts';
import type { Lang } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { setLanguage } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Header right side: who is signed in, in which role, the language switch and log-out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const role = me.roles[0];
  const roleText = role ? `${t(`roles.${role.role}`)}${role.unitName ? ` · ${role.unitName}` : ''}` : '';
  const initials = me.displayName
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();

  return (
    <Group gap="md" wrap="nowrap">
      <LanguageSwitch
        onChange={(lang: Lang) => {
          setLanguage(lang);
          saveLocale(lang).catch(() => undefined);
        }}
      />
      <Group gap="xs" wrap="nowrap" visibleFrom="sm" data-testid="current-user">
        <Avatar size={32} radius="xl" color="white" variant="outline">
          {initials}
        </Avatar>
        <Stack gap={0}>
          <Text size="sm" fw={600} lh={1.2}>
            {me.displayName}
          </Text>
          <Text size="xs" c="blue.1" lh={1.2} maw={260} truncate="end" title={roleText} data-testid="current-role">
            {roleText}
          </Text>
        </Stack>
      </Group>
      <Button
        variant="subtle"
        color="white"
        size="compact-sm"
        leftSection={<IconLogout size={16} />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        data-testid="logout"
      >
        {t('header.logout')}
      </Button>
    </Group>
  );
}
