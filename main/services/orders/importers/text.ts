import iconv from 'iconv-lite';

/**
 * Bytes → text. UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252,
 * which is what Amazon's EU reports and Excel-saved German CSVs use (order-formats.md §2.1).
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const text = iconv.decode(Buffer.from(bytes.subarray(2)), le ? 'utf16le' : 'utf16be');
    return { text, encoding: 'utf-8' };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}
