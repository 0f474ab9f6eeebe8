export * from './notification-sender';
export * from './log-sender';
export * from './webhook-sender';
export * from './outbox-dispatcher';
export * from './mail-sender';
export * from './inbox-dispatcher';
