/**
 * Every request body and query string, defined once. From these the API validates (its `body()` /
 * `query()` pipes), the workflow checks its Updates, the OpenAPI document describes the requests and
 * the bad-input fuzzer builds its generators. Pure zod: the workflow bundle imports this module.
 */
export * from './text';
export * from './common';
export * from './check';
export * from './project.request';
export * from './task.request';
export * from './user.request';
export * from './policy.request';
export * from './notification.request';
import { CoInvestmentInput, DeclineBody, ListTasksQuery, ReviewBody, ReviewDraftBody, RiskPointInput } from './task.request';
import { ContactInput, CreateProjectRequest, DecisionBody, InformationBody, ListProjectsQuery, ResumeBody, SigningBody, WithdrawBody } from './project.request';
import {
  AccountStatusRequest,
  ChangePasswordRequest,
  ConflictRequest,
  CreateUserRequest,
  ListUsersQuery,
  LoginRequest,
  ReviewerProfileInput,
  UpdateMeRequest,
  UpdateUserRequest,
} from './user.request';
import { PolicyReplacement } from './policy.request';
import { ListNotificationsQuery } from './notification.request';
import { MoneyInput } from './common';

/** The request schemas by the component name the OpenAPI document gives them. */
export const REQUEST_SCHEMAS = {
  MoneyInput,
  CreateProjectRequest,
  ContactInput,
  ListProjectsQuery,
  DecisionRequestBody: DecisionBody,
  InformationRequestBody: InformationBody,
  SigningRequestBody: SigningBody,
  WithdrawRequestBody: WithdrawBody,
  ResumeRequestBody: ResumeBody,
  ListTasksQuery,
  ReviewRequestBody: ReviewBody,
  RiskPointInput,
  CoInvestmentInput,
  DeclineRequestBody: DeclineBody,
  ReviewDraftRequestBody: ReviewDraftBody,
  CreateUserRequest,
  ReviewerProfileInput,
  ListUsersQuery,
  ConflictRequest,
  LoginRequest,
  UpdateUserRequest,
  AccountStatusRequest,
  UpdateMeRequest,
  ChangePasswordRequest,
  PolicyReplacement,
  ListNotificationsQuery,
} as const;
