import type { z } from 'zod';
import type { UpdateMeRequest } from '@dueflow/contract';

/** PATCH /me: what a user may change on their own account. */
export type UpdateMeDto = z.output<typeof UpdateMeRequest>;
