/**
 * Who is calling. Set on every request by the customers module (shoppers) and the staff module
 * (staff) from a session cookie or a bearer token; null when absent. Routes check these — never
 * a client-supplied id.
 */
export interface CustomerPrincipal {
  id: string;
  sessionId: string;
  via: 'cookie' | 'bearer';
}

export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionId: string;
  via: 'cookie' | 'bearer';
}

declare module 'fastify' {
  interface FastifyRequest {
    customer: CustomerPrincipal | null;
    staff: StaffPrincipal | null;
  }
}
