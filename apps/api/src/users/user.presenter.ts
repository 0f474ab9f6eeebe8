import type { UserEntity } from '@dueflow/persistence';

export function presentReviewerProfile(user: UserEntity) {
  return user.reviewer
    ? { tracks: user.reviewer.tracks, sectors: user.reviewer.sectors, affiliation: user.reviewer.affiliation, maxOpenTasks: user.reviewer.maxOpenTasks }
    : undefined;
}

export function presentUser(user: UserEntity) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    reviewer: presentReviewerProfile(user),
    locale: user.locale,
    active: user.deactivatedAt === null,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function presentConflict(conflict: { id: string; reviewerId: string; company: string; creditCode: string | null; reason: string; createdAt: Date }) {
  return {
    id: conflict.id,
    reviewerId: conflict.reviewerId,
    company: conflict.company,
    creditCode: conflict.creditCode,
    reason: conflict.reason,
    createdAt: conflict.createdAt.toISOString(),
  };
}
