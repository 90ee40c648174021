/**
 * The first file of a multipart/form-data body, for clients (HTML forms, curl -F) that send an
 * upload that way instead of as the raw body. Just enough for one image: no streaming, no fields.
 */
export function firstFilePart(body: Buffer, contentType: string): Buffer | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2]?.trim();
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const headersStart = at + delimiter.length + 2; // past CRLF
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd === -1) return null;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd);
    if (next === -1) return null;
    const headers = body.subarray(headersStart, headersEnd).toString('latin1');
    if (/content-disposition:[^\r\n]*filename=/i.test(headers)) return body.subarray(headersEnd + 4, next);
    at = next + 2;
  }
  return null;
}
