import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DriveDetail,
  type RecogniseBody,
  type Recognised,
  recogniseDrive,
  useDriveWrite,
  useFounderApplications,
} from '../../api/drives.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDay, todayVn } from '../../lib/format.ts';

/** The Charter's floor (src/modules/drives/schema.ts MIN_FOUNDERS): a CĐCS starts with five members. */
const MIN_FOUNDERS = 5;

type Founder = { fullName: string; birthDate: string; gender: '' | 'male' | 'female'; citizenId: string };
const emptyFounder = (): Founder => ({ fullName: '', birthDate: '', gender: '', citizenId: '' });

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\b(cong ty|cty|tnhh|co phan|cp|mtv)\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Công nhận CĐCS: the upper union's decision founds the new CĐCS under it and admits its founders
 * (joining applications filed during the drive, and people from the founding conference's list)
 * in one step.
 */
export function RecogniseModal({
  drive: d,
  onClose,
  onDone,
}: {
  drive: DriveDetail;
  onClose: () => void;
  onDone: (r: Recognised) => void;
}) {
  const { t } = useTranslation();
  const [onDate, setOnDate] = useState(todayVn());
  const [decisionNo, setDecisionNo] = useState('');
  const [unitName, setUnitName] = useState(`Công đoàn cơ sở ${d.enterprise.name}`);
  const [unitCode, setUnitCode] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [founders, setFounders] = useState<Founder[]>([emptyFounder()]);
  const apps = useFounderApplications(d.upperUnion.id, true);
  const write = useDriveWrite((body: RecogniseBody) => recogniseDrive(d.id, body), onDone);

  // Without applications on file, the founders come from the conference's list: room for five.
  const none = apps.isSuccess && !apps.data.some((a) => a.status === 'submitted' || a.status === 'verified');
  useEffect(() => {
    if (none)
      setFounders((fs) =>
        fs.length === 1 && !fs[0]?.fullName ? Array.from({ length: MIN_FOUNDERS }, emptyFounder) : fs,
      );
  }, [none]);

  const employer = fold(d.enterprise.name);
  const open = (apps.data ?? [])
    .filter((a) => a.status === 'submitted' || a.status === 'verified')
    .map((a) => ({ ...a, here: !!a.employerName && fold(a.employerName) === employer }))
    .sort((a, b) => Number(b.here) - Number(a.here) || b.submittedAt.localeCompare(a.submittedAt));
  const named = founders.filter((f) => f.fullName.trim());
  const count = picked.length + named.length;
  const err = write.error;

  const setFounder = (i: number, patch: Partial<Founder>) =>
    setFounders((fs) => fs.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const toggle = (id: number, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));

  const submit = () =>
    write.mutate({
      onDate,
      decisionNo,
      unitName,
      ...(unitCode.trim() ? { unitCode: unitCode.trim() } : {}),
      applicationIds: picked,
      foundingMembers: named.map((f) => ({
        fullName: f.fullName.trim(),
        ...(f.birthDate ? { birthDate: f.birthDate } : {}),
        ...(f.gender ? { gender: f.gender } : {}),
        ...(f.citizenId.trim() ? { citizenId: f.citizenId.trim() } : {}),
        employerName: d.enterprise.name,
      })),
    });
  const founderFields = founders.flatMap((_, i) =>
    ['fullName', 'birthDate', 'gender', 'citizenId'].map((f) => `foundingMembers.${i}.${f}`),
  );

  return (
    <FormModal
      title={t('drive.recogniseTitle')}
      testId="recognise-modal"
      submitLabel={t('drive.recogniseSubmit')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={['onDate', 'decisionNo', 'unitName', 'unitCode', ...founderFields]}
      intro={
        <Text size="sm" c="dimmed">
          {t('drive.recogniseIntro', { upper: d.upperUnion.name })}
        </Text>
      }
      errorBelow
      size="80rem"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label={t('drive.decisionNo')}
          placeholder="123/QĐ-LĐLĐ"
          value={decisionNo}
          onChange={(e) => setDecisionNo(e.currentTarget.value)}
          error={fieldError(err, 'decisionNo')}
          required
          data-autofocus
          data-testid="recognise-decision"
        />
        <DayInput
          label={t('drive.decisionDate')}
          value={onDate}
          onChange={setOnDate}
          maxDate={todayVn()}
          error={fieldError(err, 'onDate')}
          testId="recognise-day"
        />
        <TextInput
          label={t('drive.unitCode')}
          placeholder={t('drive.unitCodeHint')}
          value={unitCode}
          onChange={(e) => setUnitCode(e.currentTarget.value)}
          error={fieldError(err, 'unitCode')}
          data-testid="recognise-unit-code"
        />
      </SimpleGrid>
      <TextInput
        label={t('drive.unitName')}
        value={unitName}
        onChange={(e) => setUnitName(e.currentTarget.value)}
        error={fieldError(err, 'unitName')}
        required
        data-testid="recognise-unit-name"
      />

      <Group gap="xs">
        <Text fw={600}>{t('drive.foundersTitle')}</Text>
        <Badge
          color={count >= MIN_FOUNDERS ? 'green' : 'orange'}
          variant="light"
          data-testid="recognise-count"
          data-value={count}
        >
          {t('drive.foundersCount', { count, min: MIN_FOUNDERS })}
        </Badge>
      </Group>

      <Fieldset legend={t('drive.applicationsLegend', { upper: d.upperUnion.name })} radius="md">
        {apps.isPending ? (
          <Text size="sm" c="dimmed">
            …
          </Text>
        ) : open.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="recognise-no-applications">
            {t('drive.noApplications')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={240}>
            <Table verticalSpacing={4} fz="sm" data-testid="recognise-applications">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('drive.pickAll')}
                      checked={picked.length === open.length}
                      indeterminate={picked.length > 0 && picked.length < open.length}
                      onChange={(e) => setPicked(e.currentTarget.checked ? open.map((a) => a.id) : [])}
                    />
                  </Table.Th>
                  <Table.Th>{t('member.field.fullName')}</Table.Th>
                  <Table.Th>{t('member.field.birthDate')}</Table.Th>
                  <Table.Th>{t('drive.appliedTo')}</Table.Th>
                  <Table.Th>{t('drive.employer')}</Table.Th>
                  <Table.Th>{t('drive.submitted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {open.map((a) => (
                  <Table.Tr key={a.id} data-testid="recognise-application" data-name={a.applicantName}>
                    <Table.Td>
                      <Checkbox
                        checked={picked.includes(a.id)}
                        onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                        aria-label={a.applicantName}
                        data-testid="recognise-application-pick"
                      />
                    </Table.Td>
                    <Table.Td>{a.applicantName}</Table.Td>
                    <Table.Td>{formatDay(a.applicant.birthDate)}</Table.Td>
                    <Table.Td>{a.unitName ?? '—'}</Table.Td>
                    <Table.Td>
                      {a.employerName ?? '—'}
                      {a.here && (
                        <Badge size="xs" color="green" variant="light" ml={4}>
                          {t('drive.sameEmployer')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDay(a.submittedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Fieldset>

      <Fieldset legend={t('drive.foundersLegend')} radius="md">
        <Stack gap="xs">
          {founders.map((f, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="founder-row">
              <Text size="sm" c="dimmed" w={22} pt={8} ta="right">
                {i + 1}.
              </Text>
              <TextInput
                placeholder={t('member.field.fullName')}
                aria-label={t('member.field.fullName')}
                value={f.fullName}
                onChange={(e) => setFounder(i, { fullName: e.currentTarget.value })}
                error={fieldError(err, `foundingMembers.${i}.fullName`)}
                style={{ flex: 2 }}
                data-testid="founder-name"
              />
              <div style={{ flex: 1 }}>
                <DayInput
                  label=""
                  value={f.birthDate}
                  onChange={(v) => setFounder(i, { birthDate: v })}
                  required={false}
                  error={fieldError(err, `foundingMembers.${i}.birthDate`)}
                  testId="founder-birth"
                />
              </div>
              <Select
                placeholder={t('member.field.gender')}
                aria-label={t('member.field.gender')}
                data={[
                  { value: 'male', label: t('member.gender.male') },
                  { value: 'female', label: t('member.gender.female') },
                ]}
                value={f.gender || null}
                onChange={(v) => setFounder(i, { gender: (v as Founder['gender']) ?? '' })}
                clearable
                w={110}
                error={fieldError(err, `foundingMembers.${i}.gender`)}
                data-testid="founder-gender"
              />
              <TextInput
                placeholder={t('member.field.citizenId')}
                aria-label={t('member.field.citizenId')}
                value={f.citizenId}
                onChange={(e) => setFounder(i, { citizenId: e.currentTarget.value })}
                error={fieldError(err, `foundingMembers.${i}.citizenId`)}
                inputMode="numeric"
                style={{ flex: 1 }}
                data-testid="founder-citizen-id"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                onClick={() => setFounders((fs) => (fs.length > 1 ? fs.filter((_, j) => j !== i) : [emptyFounder()]))}
                aria-label={t('drive.removeFounder')}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setFounders((fs) => [...fs, emptyFounder()])}
              data-testid="founder-add"
            >
              {t('drive.addFounder')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
