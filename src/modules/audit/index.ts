/** The audit module's public face: other modules record their admin writes through AuditService. */
export { AuditService, changedFields, type AuditActor, type AuditEntity, type AuditFilter } from './service.js';
export { auditAdminRoutes } from './routes.admin.js';
export { targetKey, type AuditTarget, type AuditTargetReader } from './targets.js';
