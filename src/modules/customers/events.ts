/** Domain events the customers module emits (through the outbox). */
export const CustomerEvents = {
  registered: 'customer.registered',
  signedIn: 'customer.signedIn',
  passwordChanged: 'customer.passwordChanged',
} as const;

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
