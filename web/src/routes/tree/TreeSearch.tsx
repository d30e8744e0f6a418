import { Anchor, Badge, Breadcrumbs, CloseButton, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnitSearch } from '../../api/units.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TypeBadge } from '../../components/TypeBadge.tsx';
import { formatDay } from '../../lib/format.ts';
import classes from './tree.module.css';

/** Search by name or code; diacritics and word order do not matter (the server folds both). */
export function TreeSearch({ q, onQ, asOf }: { q: string; onQ: (q: string) => void; asOf: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const search = useUnitSearch(debounced, asOf);
  const active = debounced.length >= 2;

  return (
    <Stack gap="xs">
      <TextInput
        label={t('tree.searchLabel')}
        placeholder={t('tree.searchPlaceholder')}
        value={q}
        onChange={(e) => onQ(e.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        rightSection={
          search.isFetching && active ? (
            <Loader size={16} />
          ) : q ? (
            <CloseButton size="sm" aria-label="Xóa" onClick={() => onQ('')} />
          ) : null
        }
        description={q && !active ? t('tree.searchHint') : undefined}
        data-testid="unit-search"
      />
      {active && (
        <Paper withBorder radius="md" p={4} data-testid="search-results">
          {search.isError && <ErrorAlert error={search.error} onRetry={() => search.refetch()} />}
          {search.isPending && (
            <Text size="sm" c="dimmed" p="sm">
              {t('common.loading')}
            </Text>
          )}
          {search.data && (
            <>
              <Text size="xs" c="dimmed" px="sm" py={6}>
                {search.data.total > search.data.items.length
                  ? t('tree.resultsShown', { shown: search.data.items.length, count: search.data.total })
                  : t('tree.results', { count: search.data.total })}
              </Text>
              {search.data.items.length === 0 && (
                <Text size="sm" p="sm" data-testid="search-empty">
                  {t('tree.noResults', { q: debounced })}
                </Text>
              )}
              {search.data.items.map((u) => (
                <Link
                  key={u.id}
                  to={`/units/${u.id}?asOf=${asOf}`}
                  className={classes.result}
                  data-testid="search-result"
                  data-unit-id={u.id}
                >
                  <Group gap="sm" wrap="nowrap">
                    <TypeBadge type={u.type} />
                    <Text size="sm" fw={500} data-testid="search-result-name">
                      {u.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.code}
                    </Text>
                    {u.dissolvedOn && (
                      <Badge size="xs" color="red" variant="light">
                        {t('tree.dissolvedOn', { date: formatDay(u.dissolvedOn) })}
                      </Badge>
                    )}
                  </Group>
                  {u.ancestry.length > 0 && (
                    <Breadcrumbs separator="›" separatorMargin={4} mt={2} ml={72}>
                      {u.ancestry.map((a, i) => (
                        <Anchor component="span" key={`${i}-${a}`} size="xs" c="dimmed" underline="never">
                          {a}
                        </Anchor>
                      ))}
                    </Breadcrumbs>
                  )}
                </Link>
              ))}
            </>
          )}
        </Paper>
      )}
    </Stack>
  );
}
