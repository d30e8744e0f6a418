import type { MemberDetail, PersonInput } from '../../api/types.ts';
import { formatPhone } from '../../lib/format.ts';

/** A person as the form holds it: every text field a string ('' when empty). */
export type PersonForm = {
  [K in keyof PersonInput]-?: NonNullable<PersonInput[K]> extends boolean ? boolean : string;
};

export const emptyPerson: PersonForm = {
  fullName: '',
  birthDate: '',
  gender: '',
  ethnicity: 'Kinh',
  religion: '',
  citizenId: '',
  legacyIdNo: '',
  socialInsuranceNo: '',
  phone: '',
  email: '',
  address: '',
  education: '',
  occupation: '',
  employerName: '',
  partyMember: false,
  youthUnionMember: false,
};

/** The form as the API takes it: empty fields left out, so the server's optional fields stay unset. */
export function toPersonInput(f: PersonForm): PersonInput {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'boolean') out[k] = v;
    else if (v.trim() !== '') out[k] = v.trim();
  }
  return out as PersonInput;
}

/** A member's stored details back into the form (for "Sửa thông tin"). */
export function fromDetail(p: MemberDetail['person']): PersonForm {
  const form = { ...emptyPerson, ethnicity: '' };
  for (const k of Object.keys(emptyPerson) as (keyof PersonForm)[]) {
    const v = p[k];
    if (v !== undefined && v !== null) (form as Record<string, string | boolean>)[k] = v;
  }
  form.phone = formatPhone(form.phone);
  return form;
}
