import { z } from 'zod';
import { USER_LOCALES } from '@dueflow/persistence';
import { Role, Sector, Timestamp, Track, Uuid, component } from './registry';

export const ReviewerProfile = z.object({
  tracks: z.array(Track),
  sectors: z.array(Sector),
  affiliation: z.string().nullable(),
  maxOpenTasks: z.int().min(1),
});

export const User = component(
  'User',
  z.object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    reviewer: ReviewerProfile.optional().describe('reviewers only'),
    locale: z.enum(USER_LOCALES),
    active: z.boolean().describe('false once deactivated: no sign-in, no token accepted, no new review tasks'),
    deactivatedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  }),
);

export const UserList = component('UserList', z.object({ items: z.array(User) }));

export const Conflict = component(
  'Conflict',
  z.object({ id: Uuid, reviewerId: Uuid, company: z.string(), creditCode: z.string().nullable(), reason: z.string(), createdAt: Timestamp }),
);

export const Session = component(
  'Session',
  z.object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.int().min(1).describe('seconds'),
    user: z.object({ id: Uuid, email: z.string(), name: z.string(), roles: z.array(Role) }),
  }),
);
