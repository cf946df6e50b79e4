export { ApiClientRepository } from './api-client.repository.js';
export type { ApiClientRow } from './api-client.repository.js';
export { AuditRepository } from './audit.repository.js';
export type { AuditEntry, AuditRow } from './audit.repository.js';
export { DocumentRepository } from './document.repository.js';
export type { DocumentRow, DocumentStatus, DocumentVisibility } from './document.repository.js';
export { IndexDataRepository } from './index-data.repository.js';
export type { IndexData } from './index-data.repository.js';
