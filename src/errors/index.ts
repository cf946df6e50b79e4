export { AppError, badRequest, unauthorized, forbidden, notFound } from './app-error.js';
export type { AppErrorOptions, FieldProblem } from './app-error.js';
