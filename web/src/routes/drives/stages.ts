import type { DriveStage } from '../../api/drives.ts';

/** The stages in the order the Trade Union Law and the Charter set them (src/modules/drives/schema.ts). */
export const STAGES: DriveStage[] = [
  'enterprise_survey',
  'outreach',
  'organizing_committee',
  'applications',
  'founding_conference',
  'recognition',
];

export const STAGE_COLOR: Record<DriveStage, string> = {
  enterprise_survey: 'gray',
  outreach: 'blue',
  organizing_committee: 'violet',
  applications: 'orange',
  founding_conference: 'teal',
  recognition: 'green',
};
