import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useChosenUnit } from '../../api/chosenUnit.ts';
import { useSurveys } from '../../api/surveys.ts';
import { ListCard } from '../../components/ListCard.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { isWriter } from '../../lib/roles.ts';
import { vnDay } from '../announcements/dates.ts';
import { ShareBar } from '../announcements/ShareBar.tsx';
import { CreateSurveyModal } from './CreateSurveyModal.tsx';
import { STATUS_COLOR } from './labels.ts';

/** Surveys of a unit and the units under it, with how many members answered; start a new one. */
export function SurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = todayVn();
  const { me, unitId, unit, choose } = useChosenUnit(today);
  const list = useSurveys(unitId);
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={2}>{t('surveys.title')}</Title>
        <Text c="dimmed">{t('surveys.subtitle')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <div style={{ width: 380 }}>
            <UnitPicker
              label={t('surveys.unit')}
              placeholder={t('surveys.unitPlaceholder')}
              asOf={today}
              value={unit}
              onChange={choose}
              required={false}
              testId="survey-unit"
            />
          </div>
          {isWriter(me.data) && (
            <Button
              leftSection={<IconClipboardList size={16} />}
              disabled={!unit}
              onClick={() => setCreating(true)}
              data-testid="survey-create"
            >
              {t('surveys.create')}
            </Button>
          )}
        </Group>
      </Card>

      <ListCard title={t('surveys.list')} query={list} empty={t('surveys.empty')}>
        {(data) => (
          <Table striped highlightOnHover withTableBorder data-testid="survey-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.columns.title')}</Table.Th>
                <Table.Th>{t('surveys.columns.unit')}</Table.Th>
                <Table.Th>{t('surveys.columns.opensAt')}</Table.Th>
                <Table.Th>{t('surveys.columns.closesAt')}</Table.Th>
                <Table.Th>{t('surveys.columns.status')}</Table.Th>
                <Table.Th>{t('surveys.columns.responses')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((s) => (
                <Table.Tr key={s.id} data-testid="survey-row" data-status={s.status}>
                  <Table.Td>
                    <Anchor component={Link} to={`/surveys/${s.id}`} size="sm" fw={500}>
                      {s.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.unit.name}</Text>
                  </Table.Td>
                  <Table.Td>{vnDay(s.opensAt)}</Table.Td>
                  <Table.Td>{s.closesAt ? vnDay(s.closesAt) : t('surveys.noEnd')}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[s.status]} variant="light" tt="none">
                      {t(`surveys.status.${s.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <ShareBar share={s.responseShare} count={s.responseCount} of={s.audienceCount} width={110} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListCard>

      {creating && unit && (
        <CreateSurveyModal
          unit={unit}
          onClose={() => setCreating(false)}
          onDone={(id) => navigate(`/surveys/${id}`, { state: { done: 'created' } })}
        />
      )}
    </Stack>
  );
}
