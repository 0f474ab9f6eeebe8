export * from './entities';
export * from './data-source';
export * from './repositories';
export * from './credentials';
export * from './seed/demo-accounts';
export * from './audit';
export { MIGRATIONS } from './migrations';
