export * from './cursor';
export * from './outbox.store';
export * from './policy.store';
export * from './process.store';
export * from './project.store';
export * from './stats.store';
export * from './task.store';
export * from './user.store';
