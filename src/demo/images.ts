/**
 * Product pictures without a network or files: a small SVG per product, stored inline as a
 * `data:image/svg+xml;utf8,` URL — a tinted tile in its category's colour with the product's
 * initial and its brand. Deterministic (same product, same picture) and about 350 characters,
 * under the 1,000 the catalog API accepts for an image URL, so staff can save products back.
 */

export const IMAGE_SIZE = 800;

/** Only what a data: URL must not carry raw: %, #, double quotes and non-ASCII. */
function encodeSvg(svg: string): string {
  return svg.replace(/[%#"]|[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** HSL (degrees, percent, percent) to #rrggbb. */
function hex(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The tile's background and the drawing's colour for a category hue and a product's shade. */
function tints(hue: number, shade: number): { bg: string; fg: string } {
  return { bg: hex(hue, 70, 94 - shade * 6), fg: hex((hue + (shade - 0.5) * 24 + 360) % 360, 62, 44 - shade * 8) };
}

/**
 * `initial` is one character (耳 for earbuds, the first of a book's title); `caption` is the
 * brand in Latin letters. `shade` (0…1) varies the tint between products of a category.
 */
export function productImageUrl(hue: number, shade: number, initial: string, caption: string): string {
  const { bg, fg } = tints(hue, shade);
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 80 80' text-anchor='middle' font-family='sans-serif'>` +
    `<rect width='80' height='80' fill='${bg}'/><circle cx='40' cy='35' r='21' fill='${fg}'/>` +
    `<text x='40' y='43' font-size='22' fill='#fff'>${xmlText(initial)}</text>` +
    `<text x='40' y='69' font-size='6' fill='${fg}'>${xmlText(caption.slice(0, 18))}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeSvg(svg)}`;
}

/**
 * Two more views of the same product for its gallery, in its own colours: a close-up (the initial
 * large on the drawing's colour) and the box it comes in (the brand on a carton).
 */
export function productGalleryUrls(hue: number, shade: number, initial: string, caption: string): [string, string] {
  const { bg, fg } = tints(hue, shade);
  const open = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 80 80' text-anchor='middle' font-family='sans-serif'>`;
  const closeUp =
    open +
    `<rect width='80' height='80' fill='${fg}'/><circle cx='62' cy='18' r='30' fill='${bg}' opacity='0.18'/>` +
    `<text x='40' y='54' font-size='40' fill='#fff'>${xmlText(initial)}</text></svg>`;
  const box =
    open +
    `<rect width='80' height='80' fill='${bg}'/><rect x='16' y='14' width='48' height='52' rx='3' fill='${fg}'/>` +
    `<rect x='16' y='14' width='48' height='9' rx='3' fill='#fff' opacity='0.25'/>` +
    `<text x='40' y='46' font-size='16' fill='#fff'>${xmlText(initial)}</text>` +
    `<text x='40' y='59' font-size='5' fill='#fff'>${xmlText(caption.slice(0, 16))}</text></svg>`;
  return [`data:image/svg+xml;utf8,${encodeSvg(closeUp)}`, `data:image/svg+xml;utf8,${encodeSvg(box)}`];
}
