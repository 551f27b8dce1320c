export * from './states.ts';
export * from './licences.ts';
export * from './slots.ts';
export * from './ics.ts';
export * from './reminders.ts';
