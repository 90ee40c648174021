/**
 * Events as contracts (decision 0031). Each module declares its events in its own `events.ts` with
 * `defineEvent<Payload>(name, version)`: the outbox then type-checks what is emitted and hands
 * consumers typed payloads. A payload change that is not a pure addition is a new version, declared
 * beside the old one; a consumer subscribes to the versions it understands.
 */
export interface EventType<P = unknown> {
  readonly name: string;
  readonly version: number;
  /** What is stored in `outbox_events.type`: the name for version 1, `name@N` after. */
  readonly stored: string;
  /** Carries the payload's type only (never set). */
  readonly payloadType?: P;
}

export interface DomainEvent<P = unknown> {
  id: string;
  type: string;
  payload: P;
  occurredAt: Date;
}

export type PayloadOf<E> = E extends EventType<infer P> ? P : never;

const declared = new Map<string, EventType>();

export function defineEvent<P>(name: string, version = 1): EventType<P> {
  const stored = version === 1 ? name : `${name}@${version}`;
  const existing = declared.get(stored);
  if (existing) return existing as EventType<P>;
  const event: EventType<P> = Object.freeze({ name, version, stored });
  declared.set(stored, event);
  return event;
}

/** Every event declared in this process (the catalogue in docs/events.md is checked against it). */
export function declaredEvents(): EventType[] {
  return [...declared.values()].sort((a, b) => a.stored.localeCompare(b.stored));
}
