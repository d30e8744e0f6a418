import type { Me } from '../api/types.ts';

/** Roles that may change units and members somewhere in their scope; the server judges each write. */
const WRITERS: readonly string[] = ['system_admin', 'federation_officer', 'upper_union_officer', 'grassroots_officer'];

export const isWriter = (me: Me | null | undefined) => !!me?.roles.some((r) => WRITERS.includes(r.role));
