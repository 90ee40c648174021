import { defineEvent } from '../../platform/outbox/events.js';

export interface CustomerRegistered {
  customerId: string;
  channel?: string;
}

export interface CustomerSignedIn {
  customerId: string;
  sessionId: string;
}

export interface CustomerPasswordChanged {
  customerId: string;
  via: 'change' | 'reset';
}

/** Domain events the customers module emits (through the outbox). */
export const CustomerEvents = {
  registered: defineEvent<CustomerRegistered>('customer.registered'),
  signedIn: defineEvent<CustomerSignedIn>('customer.signedIn'),
  passwordChanged: defineEvent<CustomerPasswordChanged>('customer.passwordChanged'),
};
