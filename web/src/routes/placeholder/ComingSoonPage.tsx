import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Menu entries for capabilities that are not built yet land here. */
export function ComingSoonPage({ name }: { name: string }) {
  const { t } = useTranslation();
  const label = t(`nav.${name}`);
  return (
    <Card withBorder radius="md" p="xl" maw={640} data-testid="coming-soon">
      <Stack align="center" gap="sm" py="lg">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconTools size={30} />
        </ThemeIcon>
        <Title order={3}>{label}</Title>
        <Text c="dimmed" ta="center">
          {t('placeholder.text', { name: label })}
        </Text>
      </Stack>
    </Card>
  );
}
