/** Every documented response shape; importing this module registers them all. */
export * from './registry';
export * from './error.schema';
export * from './policy.schema';
export * from './synthesis.schema';
export * from './review.schema';
export * from './project.schema';
export * from './task.schema';
export * from './user.schema';
export * from './account.schema';
export * from './operations.schema';
export * from './notification.schema';
