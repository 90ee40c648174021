/** OpenAPI security of admin operations: a bearer token (API clients) or the staff session cookie (console). */
export const adminSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { adminSession: [] }];
