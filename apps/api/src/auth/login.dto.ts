import type { z } from 'zod';
import type { LoginRequest } from '@dueflow/contract';

// The request type the handler receives: the output of its schema in @dueflow/contract (see common/validation.ts).
export type LoginDto = z.output<typeof LoginRequest>;
