// What the member app reads from the server: the server's own response schemas (type-only imports,
// nothing of zod reaches the phone).
import type { z } from 'zod';
import type { appAnnouncement } from '../../../src/modules/announcements/schema.ts';
import type {
  appApplicationSchema,
  Place as PlaceType,
  publicStatusSchema,
} from '../../../src/modules/applications/schema.ts';
import type {
  FeedbackKind as Kind,
  FeedbackSummary as Summary,
  FeedbackThread as Thread,
} from '../../../src/modules/feedback/schema.ts';
import type { Challenge as ChallengeType, AppMe as Me } from '../../../src/modules/member-auth/schema.ts';
import type { AppSurvey, appSurveySummary } from '../../../src/modules/surveys/schema.ts';

export type AppMe = Me;
export type Challenge = ChallengeType;
export type Place = PlaceType;
export type JoinReceipt = z.infer<typeof appApplicationSchema>;
export type ApplicationStatus = z.infer<typeof publicStatusSchema>;
export type FeedbackKind = Kind;
export type FeedbackSummary = Summary;
export type FeedbackThread = Thread;
export type Announcement = z.infer<typeof appAnnouncement>;
export type SurveySummary = z.infer<typeof appSurveySummary>;
export type Survey = AppSurvey;
