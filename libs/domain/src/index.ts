export * from './types';
export * from './errors';
export * from './duration';
export * from './policy';
export * from './rubric';
export * from './assignment';
export * from './synthesis';
export * from './screening';
