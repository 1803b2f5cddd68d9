export * from './rules';
export * from './month';
export * from './invoicing';
