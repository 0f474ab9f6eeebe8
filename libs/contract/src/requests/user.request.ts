import { z } from 'zod';
import { ROLES, SECTORS, TRACKS, USER_LOCALES } from '@dueflow/domain';
import { closed, email, int, oneOf } from './common';
import { creditCode } from './project.request';
import { text } from './text';

/** A list of distinct enum values. */
function distinct<const T extends readonly [string, ...string[]]>(values: T, { min = 0 }: { min?: number } = {}) {
  const what = `must be ${min > 0 ? 'a non-empty' : 'an'} array of distinct values, each one of ${values.join(', ')}`;
  return z
    .array(z.enum(values, { error: `each must be one of ${values.join(', ')}` }), { error: what })
    .min(min, { error: what })
    .max(values.length, { error: what })
    .refine((items) => new Set(items).size === items.length, { error: what });
}

export const ReviewerProfileInput = closed(
  {
    tracks: distinct(TRACKS, { min: 1 }),
    sectors: distinct(SECTORS),
    affiliation: text({ max: 200 }).optional(),
    maxOpenTasks: int(1, 100),
  },
  '{tracks, sectors, affiliation?, maxOpenTasks}',
);

/**
 * A password is never stored or shown, only hashed, so it is exempt from the text rule: refusing
 * or normalising characters would lock out whoever chose them. Its length is still bounded.
 */
export const password = (min: number) =>
  z
    .string({ error: 'must be a string' })
    .min(min, { error: min > 1 ? `must be at least ${min} characters` : 'must not be empty' })
    .max(200, { error: 'must be at most 200 characters' });

export const CreateUserRequest = closed(
  {
    email: email(),
    name: text({ min: 1, max: 200 }),
    password: password(10),
    roles: distinct(ROLES, { min: 1 }),
    reviewer: ReviewerProfileInput.optional(),
  },
  '{email, name, password, roles, reviewer?}',
);

export const ListUsersQuery = closed({ role: oneOf(ROLES).optional() }, 'of query parameters');

export const ConflictRequest = closed(
  {
    company: text({ min: 1, max: 200 }),
    creditCode: creditCode().optional(),
    reason: text({ min: 1, max: 2000 }),
  },
  '{company, creditCode?, reason}',
);

export const LoginRequest = closed({ email: email(), password: password(1) }, '{email, password}');

export type CreateUserInput = z.output<typeof CreateUserRequest>;
export type ListUsersInput = z.output<typeof ListUsersQuery>;
export type ConflictInput = z.output<typeof ConflictRequest>;
export type LoginInput = z.output<typeof LoginRequest>;

/** PATCH /users/{id}: any of these; the reviewer profile is replaced whole (a PATCH with none is refused by the service, naming each). */
export const UpdateUserRequest = closed(
  {
    name: text({ min: 1, max: 200 }).optional(),
    roles: distinct(ROLES, { min: 1 }).optional(),
    reviewer: ReviewerProfileInput.optional(),
  },
  '{name?, roles?, reviewer?}',
);

/** POST /users/{id}/deactivate and /reactivate: why (logged; kept on the user while deactivated). */
export const AccountStatusRequest = closed({ reason: text({ min: 1, max: 500 }) }, '{reason}');

/** PATCH /me: what a user may change on their own account. */
export const UpdateMeRequest = closed(
  { name: text({ min: 1, max: 200 }).optional(), locale: oneOf(USER_LOCALES).optional() },
  '{name?, locale?}',
);

export const ChangePasswordRequest = closed({ currentPassword: password(1), newPassword: password(10) }, '{currentPassword, newPassword}');
