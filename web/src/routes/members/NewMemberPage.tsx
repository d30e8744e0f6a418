import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useMemberWrite } from '../../api/members.ts';
import type { AdmitInput, MemberDetail, UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { FormError, fieldError } from '../../components/FormError.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { PersonFields, personFieldNames } from './PersonFields.tsx';
import { emptyPerson, type PersonForm, toPersonInput } from './personForm.ts';

/** Admitting a new member into a CĐCS: the person's details, the unit, the day and the decision. */
export function NewMemberPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromUnit = params.get('unit') ? Number(params.get('unit')) : null;
  const [person, setPerson] = useState<PersonForm>(emptyPerson);
  const [unit, setUnit] = useState<UnitSearchItem | null>(null);
  const [onDate, setOnDate] = useState(todayVn());
  const [decisionNo, setDecisionNo] = useState('');
  const [missingUnit, setMissingUnit] = useState(false);
  const given = useUnitAsItem(fromUnit, todayVn());
  const [usedGiven, setUsedGiven] = useState(false);
  const write = useMemberWrite(
    (body: AdmitInput) => api.post<MemberDetail>('/members', body),
    (m) => navigate(`/members/${m.personId}`, { state: { done: 'admitted' } }),
  );

  // Coming from a CĐCS's page: that unit is the one proposed.
  useEffect(() => {
    if (!given || usedGiven) return;
    setUsedGiven(true);
    setUnit(given);
  }, [given, usedGiven]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissingUnit(!unit);
    if (!unit) return;
    write.mutate({
      person: toPersonInput(person),
      unitId: unit.id,
      onDate,
      ...(decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}),
    });
  };

  return (
    <Stack maw={1100} gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/members" size="sm">
          {t('member.listTitle')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('member.admitTitle')}
        </Text>
      </Breadcrumbs>
      <div>
        <Title order={2}>{t('member.admitTitle')}</Title>
        <Text c="dimmed">{t('member.admitSubtitle')}</Text>
      </div>
      <Card withBorder radius="md" p="lg">
        <form onSubmit={submit} noValidate data-testid="admit-form">
          <Stack gap="lg">
            <PersonFields value={person} onChange={setPerson} error={write.error} prefix="person." />
            <Fieldset legend={t('member.group.admission')} radius="md" styles={{ legend: { fontWeight: 600 } }}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
                <UnitPicker
                  label={t('member.grassroots')}
                  placeholder={t('member.grassrootsPlaceholder')}
                  asOf={onDate}
                  value={unit}
                  onChange={(u) => {
                    setUnit(u);
                    setMissingUnit(false);
                  }}
                  grassrootsOnly
                  error={missingUnit ? t('member.chooseGrassroots') : fieldError(write.error, 'unitId')}
                  testId="admit-unit"
                />
                <DayInput
                  label={t('member.admittedOn')}
                  value={onDate}
                  onChange={setOnDate}
                  error={fieldError(write.error, 'onDate')}
                  maxDate={todayVn()}
                  testId="admit-date"
                />
                <TextInput
                  label={t('member.decisionNo')}
                  placeholder={t('member.decisionNoPlaceholder')}
                  value={decisionNo}
                  onChange={(e) => setDecisionNo(e.currentTarget.value)}
                  error={fieldError(write.error, 'decisionNo')}
                  data-testid="admit-decision"
                />
              </SimpleGrid>
            </Fieldset>
            <FormError
              error={write.error}
              fields={[...personFieldNames('person.'), 'unitId', 'onDate', 'decisionNo']}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/members">
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={write.isPending}
                leftSection={<IconUserPlus size={18} />}
                data-testid="admit-submit"
              >
                {t('member.admitSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
