export * from './log';
export * from './ports';
export * from './postgres';
export * from './temporal-cli';
export * from './temporal-connection';
export * from './temporal-dev-server';
export * from './node-service';
export * from './temporal-server';
