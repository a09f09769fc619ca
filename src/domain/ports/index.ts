/**
 * The ports: what the application needs from the outside world, one file per aggregate. The
 * adapters implement them (src/storage: MongoDB; src/queue: BullMQ and Redis; bots/<channel>: the
 * platforms); src/app, src/dialog, flows and src/panel depend only on these types.
 */
export * from './inbox';
export * from './conversation';
export * from './report';
export * from './confirmation';
export * from './subscription';
export * from './advisory';
export * from './audit';
export * from './identity';
export * from './outbound';
export * from './jobs';
export * from './events';
export * from './media';
export * from './lease';
export * from './note';
export * from './template';
export * from './citizen-data';
export * from './citizen-block';
export * from './retention';
export * from './speech';
export * from './staff';
