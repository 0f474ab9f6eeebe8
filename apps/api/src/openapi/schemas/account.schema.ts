import { z } from 'zod';
import { USER_LOCALES } from '@dueflow/persistence';
import { Count, Role, Timestamp, Uuid, component } from './registry';
import { Conflict, ReviewerProfile, User } from './user.schema';

/** The caller, as GET /me and PATCH /me answer. */
export const Me = component(
  'Me',
  z.object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    reviewer: ReviewerProfile.optional().describe('reviewers only'),
    locale: z.enum(USER_LOCALES),
  }),
);

export const ConflictList = component('ConflictList', z.object({ items: z.array(Conflict) }));

export const PasswordChanged = component('PasswordChanged', z.object({ changedAt: Timestamp }));

/** A user after deactivation, or after a change that took the reviewer role away. */
export const UserWithOpenTasks = component(
  'UserWithOpenTasks',
  User.extend({
    openTasks: Count.describe('review tasks still open on the user (their process could not take the decline yet): repeat the call to reassign them'),
  }),
);

/** POST /auth/logout: the browser's session cookie is cleared (whether there was one or not). */
export const LoggedOut = component('LoggedOut', z.object({ loggedOut: z.literal(true) }));
