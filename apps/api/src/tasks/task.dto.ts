import type { z } from 'zod';
import type { DeclineBody, ListTasksQuery as ListTasksSchema, ReviewBody, ReviewDraftBody } from '@dueflow/contract';

// The request types handlers receive: each the output of its schema in @dueflow/contract (see common/validation.ts).
export type ListTasksQuery = z.output<typeof ListTasksSchema>;
export type ReviewDto = z.output<typeof ReviewBody>;
export type DeclineDto = z.output<typeof DeclineBody>;
export type ReviewDraftDto = z.output<typeof ReviewDraftBody>;
