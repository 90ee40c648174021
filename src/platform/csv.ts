import iconv from 'iconv-lite';

/** Prepended to CSV downloads so Excel reads them as UTF-8 (and shows Chinese). */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Text of an uploaded CSV: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK
 * (Excel on Chinese Windows saves GBK) — unless the charset says GBK outright.
 */
export function decodeCsv(buf: Buffer, contentType = ''): string {
  if (/charset=\s*"?(gbk|gb2312|gb18030|cp936)/i.test(contentType)) return iconv.decode(buf, 'gbk');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buf, 'gbk');
  }
}
