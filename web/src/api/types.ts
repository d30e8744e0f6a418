// The server's zod schemas are the one source of these shapes; the web only infers from them.
import type { z } from 'zod';
import type { problemSchema } from '../../../src/lib/schemas.ts';
import type {
  admitApplicationBody,
  applicationSchema,
  applicationStatuses,
  submitBody,
} from '../../../src/modules/applications/schema.ts';
import type { areaDetailSchema, tracedDistrictSchema } from '../../../src/modules/areas/schema.ts';
import type { csrfSchema, Me, RoleName } from '../../../src/modules/auth/schema.ts';
import type {
  cardSchema,
  eCardSchema,
  issueBody,
  reissueBody,
  revokeBody,
  verificationSchema,
} from '../../../src/modules/cards/schema.ts';
import type {
  endKinds,
  memberCountSchema,
  memberEvent,
  memberListSchema,
  membershipPeriod,
} from '../../../src/modules/members/schema.ts';
import type { ProblemKind, qualityItem, qualityReport } from '../../../src/modules/quality/schema.ts';
import type {
  childrenSchema,
  countsSchema,
  moveResultSchema,
  unitListSchema,
  unitTypeSchema,
} from '../../../src/modules/units/schema.ts';

export type {
  AdmitInput,
  EndInput,
  MemberDetail,
  MemberListItem,
  MemberListQuery,
  PersonInput,
  ReadmitInput,
  TransferInput,
} from '../../../src/modules/members/schema.ts';
export type {
  DissolveUnitInput,
  MoveUnitsInput,
  UnitDetail,
  UnitSearchItem,
  UnitSummary,
  UpdateUnitInput,
} from '../../../src/modules/units/schema.ts';
export type { Me, RoleName };
export type UnitType = z.infer<typeof unitTypeSchema>;
export type UnitList = z.infer<typeof unitListSchema>;
export type Children = z.infer<typeof childrenSchema>;
export type Counts = z.infer<typeof countsSchema>;
export type MoveResult = z.infer<typeof moveResultSchema>;
export type AreaDetail = z.infer<typeof areaDetailSchema>;
export type TracedDistrict = z.infer<typeof tracedDistrictSchema>;
export type CsrfToken = z.infer<typeof csrfSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type MemberList = z.infer<typeof memberListSchema>;
export type MembershipPeriod = z.infer<typeof membershipPeriod>;
export type MemberEvent = z.infer<typeof memberEvent>;
export type MemberCount = z.infer<typeof memberCountSchema>;
export type EndKind = (typeof endKinds)[number];
export type Card = z.infer<typeof cardSchema>;
export type ECard = z.infer<typeof eCardSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type IssueCardInput = z.input<typeof issueBody>;
export type ReissueCardInput = z.input<typeof reissueBody>;
export type RevokeCardInput = z.input<typeof revokeBody>;
export type Application = z.infer<typeof applicationSchema>;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type SubmitApplicationInput = z.input<typeof submitBody>;
export type AdmitApplicationInput = z.input<typeof admitApplicationBody>;
export type QualityReport = z.infer<typeof qualityReport>;
export type QualityItem = z.infer<typeof qualityItem>;
export type { ProblemKind };
