import {
  Alert,
  Box,
  Button,
  Center,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconHierarchy2 } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

const demo = [
  { user: 'admin', pass: 'congdoan-admin', key: 'login.demoAdmin' },
  { user: 'tinh', pass: 'congdoan-tinh', key: 'login.demoTinh' },
  { user: 'vinh', pass: 'congdoan-vinh', key: 'login.demoVinh' },
] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const err = login.error;
  const fieldErrors = err instanceof ApiError ? err.fieldErrors : {};
  const title = err ? (err instanceof ApiError ? err.message : t('login.failed')) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <Box mih="100vh" bg="gray.1">
      <Group justify="flex-end" p="md">
        <LanguageSwitch dark={false} />
      </Group>
      <Center px="md" pb="xl">
        <Stack w={420} gap="lg">
          <Stack align="center" gap={4}>
            <IconHierarchy2 size={40} color="var(--mantine-color-blue-7)" />
            <Title order={2}>{t('app.name')}</Title>
            <Text c="dimmed" size="sm" ta="center">
              {t('login.subtitle')} · {t('app.federation')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <form onSubmit={submit} noValidate data-testid="login-form">
              <Stack>
                <Title order={4}>{t('login.title')}</Title>
                {title && (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="login-error">
                    {title}
                  </Alert>
                )}
                <TextInput
                  label={t('login.username')}
                  name="username"
                  autoComplete="username"
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={fieldErrors.username}
                  autoFocus
                  data-testid="login-username"
                />
                <PasswordInput
                  label={t('login.password')}
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                  data-testid="login-password"
                />
                <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Paper withBorder p="md" radius="md" bg="blue.0">
            <Text size="sm" fw={600} mb={6}>
              {t('login.demoTitle')}
            </Text>
            <Table fz="sm" verticalSpacing={4} data-testid="demo-hint">
              <Table.Tbody>
                {demo.map((d) => (
                  <Table.Tr
                    key={d.user}
                    style={{ cursor: 'pointer' }}
                    onClick={() => {
                      setUsername(d.user);
                      setPassword(d.pass);
                    }}
                  >
                    <Table.Td>
                      <Code>{d.user}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Code style={{ whiteSpace: 'nowrap' }}>{d.pass}</Code>
                    </Table.Td>
                    <Table.Td c="dimmed">{t(d.key)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
