import { Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../api/types.ts';
import { formatDay, formatPhone } from '../../lib/format.ts';
import { isErased } from './PersonalData.tsx';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const empty = children === undefined || children === null || children === '';
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" c={empty ? 'dimmed' : undefined} data-testid={testId}>
        {empty ? '—' : children}
      </Text>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={6} c="blue.8">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" verticalSpacing="md">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

/** The person's details, grouped as the admission form groups them. */
export function MemberFacts({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const p = member.person;
  // Erasure keeps only the year of birth (stored as 1 January).
  const erased = isErased(member);
  const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? t('common.yes') : t('common.no'));
  return (
    <Card withBorder radius="md" data-testid="member-facts">
      <Stack gap="lg">
        <Section title={t('member.group.identity')}>
          <Fact label={t('member.field.birthDate')} testId="member-birthDate">
            {p.birthDate ? (erased ? p.birthDate.slice(0, 4) : formatDay(p.birthDate)) : undefined}
          </Fact>
          <Fact label={t('member.field.gender')} testId="member-gender">
            {p.gender ? t(`member.gender.${p.gender}`) : undefined}
          </Fact>
          <Fact label={t('member.field.ethnicity')}>{p.ethnicity}</Fact>
          <Fact label={t('member.field.religion')}>{p.religion}</Fact>
          <Fact label={t('member.field.citizenId')} testId="member-citizenId">
            {p.citizenId && (
              <>
                <Text span ff="monospace" size="sm">
                  {p.citizenId}
                </Text>
                {p.citizenIdMasked && (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    {t('member.masked')}
                  </Badge>
                )}
              </>
            )}
          </Fact>
          <Fact label={t('member.field.legacyIdNo')}>{p.legacyIdNo}</Fact>
          <Fact label={t('member.field.socialInsuranceNo')}>{p.socialInsuranceNo}</Fact>
        </Section>
        <Section title={t('member.group.contact')}>
          <Fact label={t('member.field.phone')} testId="member-phone">
            {formatPhone(p.phone)}
          </Fact>
          <Fact label={t('member.field.email')}>{p.email}</Fact>
          <Fact label={t('member.field.address')}>{p.address}</Fact>
        </Section>
        <Section title={t('member.group.work')}>
          <Fact label={t('member.field.employerName')}>{p.employerName}</Fact>
          <Fact label={t('member.field.occupation')}>{p.occupation}</Fact>
          <Fact label={t('member.field.education')}>{p.education}</Fact>
        </Section>
        <Section title={t('member.group.political')}>
          <Fact label={t('member.field.partyMember')}>{yesNo(p.partyMember)}</Fact>
          <Fact label={t('member.field.youthUnionMember')}>{yesNo(p.youthUnionMember)}</Fact>
        </Section>
      </Stack>
    </Card>
  );
}
