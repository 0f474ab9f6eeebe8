import { z } from 'zod';
import { Count, Timestamp, component } from './registry';
import { Conflict, User } from './user.schema';

/** The caller, as GET /me and PATCH /me answer. */
export const Me = component('Me', User.pick({ id: true, email: true, name: true, roles: true, reviewer: true, locale: true }));

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
