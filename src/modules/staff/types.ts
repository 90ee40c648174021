import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions.js';

/** Zod shapes for the staff API. A password hash never leaves the service. */
export const roleSchema = z.enum(ROLES);
export const permissionSchema = z.enum(PERMISSIONS);
const email = z
  .email()
  .max(200)
  .transform((e) => e.trim().toLowerCase());
const password = z.string().min(8, 'at least 8 characters').max(200);

export const staffView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type StaffView = z.infer<typeof staffView>;

export const loginInput = z.object({ email: z.string().min(1).max(200), password: z.string().min(1).max(200) });
export const loginResult = z.object({
  token: z.string().describe('Session token: send as `Authorization: Bearer …` (API clients), or rely on the sk_admin cookie'),
  csrfToken: z.string().describe('Send as X-CSRF-Token on unsafe requests authenticated by the cookie'),
  staff: staffView,
});
export const meView = z.object({
  staff: staffView,
  permissions: z.array(permissionSchema),
  csrfToken: z.string(),
});

export const staffCreateInput = z.object({
  email,
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  password: password.optional().describe('Initial password; a random one is generated and returned once when absent'),
});
export type StaffCreateInput = z.infer<typeof staffCreateInput>;
export const staffCreated = z.object({
  staff: staffView,
  initialPassword: z.string().nullable().describe('The generated password, shown once; null when one was given'),
});
export const staffPatch = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional().describe('false deactivates the account and ends its sessions'),
  password: password.optional().describe('Sets a new password and ends the account’s sessions'),
});
export type StaffPatch = z.infer<typeof staffPatch>;

export const rolesView = z.object({
  permissions: z.array(permissionSchema),
  roles: z.array(z.object({ role: roleSchema, permissions: z.array(permissionSchema) })),
});

export const deadEventView = z.object({
  eventId: z.string(),
  consumer: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  type: z.string(),
  payload: z.unknown(),
  occurredAt: z.string(),
});
