// The request types handlers receive: each the output of its schema in @dueflow/contract (see common/validation.ts).
export type {
  CreateProjectInput as CreateProjectDto,
  ListProjectsInput as ListProjectsQuery,
  DecisionInput as DecisionDto,
  InformationInput as InformationDto,
  SigningInput as SigningDto,
  WithdrawInput as WithdrawDto,
} from '@dueflow/contract';
