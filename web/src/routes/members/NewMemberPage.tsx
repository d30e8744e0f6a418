import { Anchor, Breadcrumbs, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { memberViews } from '../../api/members.ts';
import type { AdmitInput, MemberDetail } from '../../api/types.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { FormError } from '../../components/FormError.tsx';
import { todayVn } from '../../lib/format.ts';
import { FieldGroup, PersonFields, personFieldNames } from './PersonFields.tsx';
import { PlacementFields, placementFieldNames, usePlacement } from './PlacementFields.tsx';
import { emptyPerson, type PersonForm, toPersonInput } from './personForm.ts';

/** Admitting a new member into a CĐCS: the person's details, the unit, the day and the decision. */
export function NewMemberPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromUnit = params.get('unit') ? Number(params.get('unit')) : null;
  const [person, setPerson] = useState<PersonForm>(emptyPerson);
  const placement = usePlacement();
  const given = useUnitAsItem(fromUnit, todayVn());
  const [usedGiven, setUsedGiven] = useState(false);
  const write = useWrite(
    memberViews,
    (body: AdmitInput) => api.post<MemberDetail>('/members', body),
    (m) => navigate(`/members/${m.personId}`, { state: { done: 'admitted' } }),
  );

  // Coming from a CĐCS's page: that unit is the one proposed.
  const { setUnit } = placement;
  useEffect(() => {
    if (!given || usedGiven) return;
    setUsedGiven(true);
    setUnit(given);
  }, [given, usedGiven, setUnit]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    placement.send((body) => write.mutate({ person: toPersonInput(person), ...body }));
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
            <FieldGroup legend={t('member.group.admission')}>
              <PlacementFields
                placement={placement}
                error={write.error}
                testId="admit"
                dayLabel={t('member.admittedOn')}
                admission
              />
            </FieldGroup>
            <FormError error={write.error} fields={[...personFieldNames('person.'), ...placementFieldNames()]} />
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
