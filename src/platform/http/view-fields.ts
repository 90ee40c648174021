import { z } from 'zod';

/**
 * Building blocks of response schemas (views). An answer describes what is stored, and the
 * database stores text without a length, so a view never narrows a field: no lengths, patterns
 * or ranges here — those belong to the input schemas, which decide what may be stored. A view
 * narrower than the data answers 500 for a row the store accepted (issue 10: a 61-character
 * title broke the stock screens after the adjustment had been booked). Enums in views are the
 * same constants the tables use. test/bad-input/response-width.test.ts keeps it so.
 */

/** A text in both languages, as stored (catalog fields, names, messages). */
export const localizedView = z.object({ 'zh-CN': z.string(), en: z.string() });
