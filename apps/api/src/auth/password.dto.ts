import type { z } from 'zod';
import type { ChangePasswordRequest } from '@dueflow/contract';

export type ChangePasswordDto = z.output<typeof ChangePasswordRequest>;
