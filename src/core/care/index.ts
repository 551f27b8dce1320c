export * from './consent.ts';
export * from './workspace.ts';
