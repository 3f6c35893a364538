export * from './image-ref.js';
export * from './registry.js';
export * from './builder.js';
