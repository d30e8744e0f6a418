import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { memberViews } from '../../api/members.ts';
import type { MemberDetail, PersonInput } from '../../api/types.ts';
import { useWrite } from '../../api/write.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { MemberModalProps } from './LifecycleModals.tsx';
import { PersonFields, personFieldNames } from './PersonFields.tsx';
import { fromDetail, type PersonForm, toPersonInput } from './personForm.ts';

/** Sửa thông tin: corrects the person's details (the whole record is sent; an emptied field is cleared). */
export function EditMemberModal({ member, onClose, onDone }: MemberModalProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<PersonForm>(() => fromDetail(member.person));
  const write = useWrite(
    memberViews,
    (body: PersonInput) => api.patch<MemberDetail>(`/members/${member.personId}`, body),
    onDone,
  );
  return (
    <FormModal
      title={t('member.edit')}
      testId="edit-modal"
      submitTestId="edit-submit"
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={() => write.mutate(toPersonInput(form))}
      write={write}
      fields={personFieldNames('')}
      errorBelow
      size="80rem"
    >
      <PersonFields value={form} onChange={setForm} error={write.error} prefix="" />
    </FormModal>
  );
}
