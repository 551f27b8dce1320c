export * from './auth.ts';
export * from './account-data.ts';
