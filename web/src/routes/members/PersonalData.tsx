import { Alert, Button, List, Menu, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconFileTypePdf,
  IconJson,
  IconShieldLock,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { memberViews } from '../../api/members.ts';
import type { MemberDetail } from '../../api/types.ts';
import { useWrite } from '../../api/write.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { MemberModalProps } from './LifecycleModals.tsx';

/** The server's own minimum for an erasure's reason (members/routes.ts). */
const MIN_REASON = 5;

/**
 * Erased on a lawful request. The detail carries no erasedAt yet, so the alias the server writes
 * in place of the name (members/personal-data.ts) tells it; erasedAt wins once the schema has it.
 */
export function isErased(m: MemberDetail): boolean {
  return m.erasedAt !== null;
}

/**
 * Dữ liệu cá nhân: for officers (those who see identifiers in full), the person's data as JSON or
 * PDF for an access request, and erasure on a lawful request.
 */
export function PersonalDataMenu({ member, onErase }: { member: MemberDetail; onErase: () => void }) {
  const { t } = useTranslation();
  const base = `/api/v1/members/${member.personId}/personal-data`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconShieldLock size={16} />}
          rightSection={<IconChevronDown size={14} />}
          data-testid="member-personal-data"
        >
          {t('personalData.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('personalData.download')}</Menu.Label>
        <Menu.Item
          component="a"
          href={base}
          download
          leftSection={<IconJson size={16} />}
          data-testid="personal-data-json"
        >
          {t('personalData.json')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={`${base}.pdf`}
          download
          leftSection={<IconFileTypePdf size={16} />}
          data-testid="personal-data-pdf"
        >
          {t('personalData.pdf')}
        </Menu.Item>
        {!isErased(member) && (
          <>
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={onErase}
              data-testid="personal-data-erase"
            >
              {t('personalData.erase')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Xóa dữ liệu cá nhân: asks for the request's reason and says what goes, what stays, and that it is final. */
export function EraseModal({ member, onClose, onDone }: MemberModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const write = useWrite(
    memberViews,
    (body: { reason: string }) => api.post<MemberDetail>(`/members/${member.personId}/erase`, body),
    onDone,
  );
  const submit = () => {
    const r = reason.trim();
    setShort(r.length < MIN_REASON);
    if (r.length >= MIN_REASON) write.mutate({ reason: r });
  };
  return (
    <FormModal
      title={t('personalData.eraseTitle')}
      testId="erase-modal"
      submitLabel={t('personalData.eraseSubmit')}
      danger
      onClose={onClose}
      onSubmit={submit}
      write={write}
      intro={
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('personalData.eraseFinal')}>
          <Text size="sm" mb="xs">
            {t('personalData.eraseIntro', { name: member.person.fullName })}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('personalData.eraseGone')}</List.Item>
            <List.Item>{t('personalData.eraseKept')}</List.Item>
          </List>
        </Alert>
      }
      reason={{
        value: reason,
        onChange: (v) => {
          setReason(v);
          if (v.trim().length >= MIN_REASON) setShort(false);
        },
        label: t('personalData.reason'),
        description: t('personalData.reasonHint'),
        required: true,
        multiline: true,
        error: short ? t('personalData.reasonShort') : undefined,
        testId: 'erase-reason',
      }}
    />
  );
}
