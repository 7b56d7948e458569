export * from './create-product.dto.js';
export * from './product-list-query.dto.js';
export * from './product.dto.js';
export * from './schemas.js';
export * from './update-product.dto.js';
