import { Anchor, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="xl" maw={640}>
      <Title order={3}>404</Title>
      <Text c="dimmed" my="sm">
        {t('common.notFound')}
      </Text>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Card>
  );
}
