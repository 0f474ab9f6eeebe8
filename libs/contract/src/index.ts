export * from './constants';
export * from './payloads';
export * from './definitions';
export * from './activities';
export * from './requests';
