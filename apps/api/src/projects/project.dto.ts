import type { z } from 'zod';
import type { CreateProjectRequest, DecisionBody, InformationBody, ListProjectsQuery as ListProjectsSchema, SigningBody, WithdrawBody } from '@dueflow/contract';

// The request types handlers receive: each the output of its schema in @dueflow/contract (see common/validation.ts).
export type CreateProjectDto = z.output<typeof CreateProjectRequest>;
export type ListProjectsQuery = z.output<typeof ListProjectsSchema>;
export type DecisionDto = z.output<typeof DecisionBody>;
export type InformationDto = z.output<typeof InformationBody>;
export type SigningDto = z.output<typeof SigningBody>;
export type WithdrawDto = z.output<typeof WithdrawBody>;
