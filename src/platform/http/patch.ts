import { z } from 'zod';

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The PATCH shape of a create schema: every field optional and, unlike `.partial()` alone,
 * without the create defaults. Zod 4 applies `.default()` even inside `.partial()`, so a PATCH
 * of `{ title }` against `productInput.partial()` would also reset `status`, `tags`, `options`…
 * to their defaults. This strips them first, so an absent field means "leave it as it is".
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
  ) as { [K in keyof S]: WithoutDefault<S[K]> };
  return z.object(shape).partial();
}
