import { z } from 'zod';
import { Timestamp, Uuid, component } from './registry';

/** One notification as its recipient reads it, in the recipient's language. */
export const InboxNotification = component(
  'InboxNotification',
  z.object({
    id: Uuid.describe('the recipient\'s inbox entry (what POST /notifications/{id}/read takes)'),
    kind: z.string().describe('assignment, reminder, escalation, quorum_failure, decision, information_request, decision_reminder'),
    subject: z.string().describe('in the caller\'s language (their `locale`)'),
    body: z.string(),
    projectId: Uuid.optional(),
    taskId: Uuid.optional(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  }),
);

export const InboxPage = component(
  'InboxPage',
  z.object({ items: z.array(InboxNotification), nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last') }),
);
