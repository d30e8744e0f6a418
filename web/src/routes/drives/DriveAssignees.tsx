import { Avatar, Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { IconUserCog } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DriveDetail, setAssignees, useAssignable, useDriveWrite } from '../../api/drives.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { initials } from './DriveCard.tsx';

/** Officers and collaborators on the drive; chosen from those of the running union's line. */
export function DriveAssignees({ drive: d }: { drive: DriveDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const assignable = useAssignable(d.id, editing);
  const write = useDriveWrite(
    (ids: number[]) => setAssignees(d.id, ids),
    () => setEditing(false),
  );
  const options = new Map((assignable.data ?? []).map((p) => [String(p.id), p]));
  for (const a of d.assignees) if (!options.has(String(a.id))) options.set(String(a.id), { ...a, role: '' });

  return (
    <Card withBorder radius="md" p="md" data-testid="drive-assignees">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('drive.assignees')}</Title>
        {d.canWrite && d.status === 'active' && !editing && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserCog size={14} />}
            onClick={() => {
              setChosen(d.assignees.map((a) => String(a.id)));
              setEditing(true);
            }}
            data-testid="assignees-edit"
          >
            {t('drive.assign')}
          </Button>
        )}
      </Group>
      {editing ? (
        <Stack gap="xs">
          <MultiSelect
            data={[...options.values()].map((p) => ({
              value: String(p.id),
              label: p.role ? `${p.name} · ${t(`roles.${p.role}`, { defaultValue: p.role })}` : p.name,
            }))}
            value={chosen}
            onChange={setChosen}
            searchable
            placeholder={assignable.isPending ? '…' : t('drive.assignPlaceholder')}
            nothingFoundMessage={t('drive.assignNone')}
            comboboxProps={{ withinPortal: true }}
            data-testid="assignees-select"
          />
          {write.isError && <ErrorAlert error={write.error} />}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              loading={write.isPending}
              onClick={() => write.mutate(chosen.map(Number))}
              data-testid="assignees-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : d.assignees.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('drive.noAssignees')}
        </Text>
      ) : (
        <Stack gap={6}>
          {d.assignees.map((a) => (
            <Group key={a.id} gap="xs" data-testid="drive-assignee">
              <Avatar size={26} radius="xl" color="initials" name={a.name}>
                {initials(a.name)}
              </Avatar>
              <Text size="sm">{a.name}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
