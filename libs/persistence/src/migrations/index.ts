import { InitialSchema1795693993977 } from './1795693993977-initial-schema';
import { ProcessRules1795695315200 } from './1795695315200-process-rules';
import { AuditChain1795702000000 } from './1795702000000-audit-chain';
import { ReviewerOpenTasks1795703000000 } from './1795703000000-reviewer-open-tasks';
import { ProjectChangeNotify1795704000000 } from './1795704000000-project-change-notify';
import { ReviewTasksNotify1795710000000 } from './1795710000000-review-tasks-notify';
import { Accounts1795720000000 } from './1795720000000-accounts';
import { LoginAttemptsInFlight1795721000000 } from './1795721000000-login-attempts-in-flight';
import { StepFailures1795730000000 } from './1795730000000-step-failures';
import { ReviewRounds1795740000000 } from './1795740000000-review-rounds';
import { CreditCodes1795750000000 } from './1795750000000-credit-codes';
import { ConflictIdentity1795751000000 } from './1795751000000-conflict-identity';
import { ReviewDrafts1795760000000 } from './1795760000000-review-drafts';
import { NotificationInbox1795770000000 } from './1795770000000-notification-inbox';

/** Every migration, in order. Listed explicitly so source and compiled builds load the same set. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
export const MIGRATIONS: Function[] = [
  InitialSchema1795693993977,
  ProcessRules1795695315200,
  AuditChain1795702000000,
  ReviewerOpenTasks1795703000000,
  ProjectChangeNotify1795704000000,
  ReviewTasksNotify1795710000000,
  Accounts1795720000000,
  LoginAttemptsInFlight1795721000000,
  StepFailures1795730000000,
  ReviewRounds1795740000000,
  CreditCodes1795750000000,
  ConflictIdentity1795751000000,
  ReviewDrafts1795760000000,
  NotificationInbox1795770000000,
];
