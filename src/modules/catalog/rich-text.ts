import sanitizeHtml from 'sanitize-html';

/**
 * Product descriptions are rich text (headings, lists, bold, links, images) written in the console
 * and shown as HTML on the storefront, so the server keeps only an allow-list: no scripts, no event
 * attributes, no styles, links and images over http(s) (links also mailto, images also this
 * store's own /media/ paths). Run on every write and again when a product is read, so a
 * description stored before this rule is no danger either.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a', 'img'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['http', 'https'] },
  allowProtocolRelative: false,
  // A heading level the storefront page already uses for its own title becomes a section heading.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener', target: '_blank' } }),
  },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  disallowedTagsMode: 'discard',
};

/** Safe HTML from whatever was sent; plain text (no tag at all) stays as it is, shown as text. */
export function sanitizeRichText(html: string): string {
  if (!html.includes('<')) return html;
  return sanitizeHtml(html, OPTIONS);
}

export function sanitizeDescription<T extends { 'zh-CN': string; en: string } | null | undefined>(d: T): T {
  if (!d) return d;
  return { ...d, 'zh-CN': sanitizeRichText(d['zh-CN']), en: sanitizeRichText(d.en) };
}
