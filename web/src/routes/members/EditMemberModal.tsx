import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMemberWrite } from '../../api/members.ts';
import type { MemberDetail, PersonInput } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { PersonFields, personFieldNames } from './PersonFields.tsx';
import { fromDetail, type PersonForm, toPersonInput } from './personForm.ts';

/** Sửa thông tin: corrects the person's details (the whole record is sent; an emptied field is cleared). */
export function EditMemberModal({
  member,
  onClose,
  onDone,
}: {
  member: MemberDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<PersonForm>(() => fromDetail(member.person));
  const write = useMemberWrite(
    (body: PersonInput) => api.patch<MemberDetail>(`/members/${member.personId}`, body),
    onDone,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(toPersonInput(form));
  };
  return (
    <Modal opened onClose={onClose} title={t('member.edit')} size="80rem" data-testid="edit-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <PersonFields value={form} onChange={setForm} error={write.error} prefix="" />
          <FormError error={write.error} fields={personFieldNames('')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending} data-testid="edit-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
