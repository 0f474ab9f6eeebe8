export * from './log';
export * from './ports';
export * from './postgres';
export * from './temporal-cli';
export * from './temporal-dev-server';
