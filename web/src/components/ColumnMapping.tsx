import { Badge, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * How a checked file's columns were read: each column's letter and header, and the field it fills
 * or "ignored". Shared by the member and the register imports; test ids start with `testPrefix`.
 */
export function ColumnMapping({
  columns,
  fieldLabel,
  testPrefix,
}: {
  columns: { letter: string; header: string; field: string | null }[];
  fieldLabel: (field: string) => string;
  testPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Text fw={600} mb={6}>
        {t('memberImport.mappingTitle')}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder verticalSpacing={6} data-testid={`${testPrefix}-mapping`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('memberImport.column')}</Table.Th>
              <Table.Th>{t('memberImport.header')}</Table.Th>
              <Table.Th w={40} />
              <Table.Th>{t('memberImport.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns
              .filter((c) => c.header)
              .map((c) => (
                <Table.Tr
                  key={c.letter}
                  data-testid={`${testPrefix}-column`}
                  data-letter={c.letter}
                  data-field={c.field ?? ''}
                  c={c.field ? undefined : 'dimmed'}
                >
                  <Table.Td>
                    <Text ff="monospace" fw={600} size="sm">
                      {c.letter}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.header}</Table.Td>
                  <Table.Td>
                    <IconArrowRight size={14} color="var(--mantine-color-gray-5)" />
                  </Table.Td>
                  <Table.Td>
                    {c.field ? (
                      <Badge variant="light" color="blue" radius="sm" tt="none">
                        {fieldLabel(c.field)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed" fs="italic">
                        {t('memberImport.ignored')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
