import { ConflictEntity } from './conflict.entity';
import { DecisionEntity } from './decision.entity';
import { InformationResponseEntity } from './information-response.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationInboxEntity } from './notification-inbox.entity';
import { PolicyEntity } from './policy.entity';
import { ProjectEntity } from './project.entity';
import { ReviewDraftEntity } from './review-draft.entity';
import { ReviewTaskEntity } from './review-task.entity';
import { ReviewEntity } from './review.entity';
import { ReviewerProfileEntity } from './reviewer-profile.entity';
import { SigningEntity } from './signing.entity';
import { StepFailureEntity } from './step-failure.entity';
import { SynthesisEntity } from './synthesis.entity';
import { TimelineEventEntity } from './timeline-event.entity';
import { UserEntity } from './user.entity';

export * from './notification.entity';
export { USER_LOCALES } from './user.entity';
export type { UserLocale } from './user.entity';

export {
  ConflictEntity,
  NotificationInboxEntity,
  InformationResponseEntity,
  DecisionEntity,
  PolicyEntity,
  ProjectEntity,
  ReviewDraftEntity,
  ReviewTaskEntity,
  ReviewEntity,
  ReviewerProfileEntity,
  SigningEntity,
  StepFailureEntity,
  SynthesisEntity,
  TimelineEventEntity,
  UserEntity,
};

export const ENTITIES = [
  UserEntity,
  ReviewerProfileEntity,
  ConflictEntity,
  PolicyEntity,
  ProjectEntity,
  ReviewTaskEntity,
  ReviewEntity,
  SynthesisEntity,
  DecisionEntity,
  SigningEntity,
  TimelineEventEntity,
  NotificationEntity,
  NotificationInboxEntity,
  InformationResponseEntity,
  StepFailureEntity,
  ReviewDraftEntity,
];
