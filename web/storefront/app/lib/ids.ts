const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or form value is a well-formed id: anything else is answered 404 or refused before any API call. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
