export * from './queue.constants.js';
export * from './queue.module.js';
export * from './queue.producer.js';
export * from './redis-connection.js';
