import { Card, Center, Loader, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

/** A titled card around a list query: its error (with retry), its loading, its empty text, or the list. */
export function ListCard<T extends { items: unknown[] }>({
  title,
  query,
  empty,
  children,
}: {
  title: string;
  query: UseQueryResult<T>;
  empty: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <Card withBorder radius="md" p="md">
      <Title order={4} mb="xs">
        {title}
      </Title>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : query.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        children(query.data)
      )}
    </Card>
  );
}
