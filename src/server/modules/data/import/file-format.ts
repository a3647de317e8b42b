// Recognises an uploaded file: XLSX or CSV, the text encoding (UTF-8 with/without BOM, UTF-16, GB18030/GBK) and the delimiter.
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';

export interface FileFormat {
  format: 'csv' | 'xlsx';
  /** 'utf8', 'utf16le' or 'gb18030' (a superset of GBK, which Chinese Excel writes). */
  encoding: string;
  delimiter: string;
}

const SNIFF_BYTES = 64 * 1024;

async function head(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** True when the bytes are valid UTF-8, ignoring a multi-byte character cut off at the end of the sample. */
function isUtf8(buf: Buffer, truncated: boolean): boolean {
  let end = buf.length;
  if (truncated) {
    // Step back over a trailing partial sequence (at most 3 continuation bytes and its lead byte).
    let i = end - 1;
    while (i > 0 && end - i < 4 && (buf[i]! & 0xc0) === 0x80) i--;
    if (i >= 0 && buf[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The candidate that splits the first lines into the same, largest number of fields (quotes respected). */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => {
      let n = 0;
      let quoted = false;
      for (const ch of l) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) n++;
      }
      return n;
    });
    if (!counts.length || counts[0] === 0) continue;
    const consistent = counts.filter((c) => c === counts[0]).length / counts.length;
    const score = counts[0]! * consistent;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

export async function detectFormat(file: string, fileName: string): Promise<FileFormat> {
  const buf = await head(file);
  // XLSX is a ZIP archive ("PK\x03\x04"); the name decides nothing on its own.
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return { format: 'xlsx', encoding: 'binary', delimiter: '' };
  let encoding = 'utf8';
  let text: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) text = buf.subarray(3).toString('utf8');
  else if (buf[0] === 0xff && buf[1] === 0xfe) [encoding, text] = ['utf16le', iconv.decode(buf.subarray(2), 'utf16le')];
  else if (isUtf8(buf, buf.length === SNIFF_BYTES)) text = buf.toString('utf8');
  else [encoding, text] = ['gb18030', iconv.decode(buf, 'gb18030')];
  const delimiter = /\.tsv$/i.test(fileName) ? '\t' : detectDelimiter(text);
  return { format: 'csv', encoding, delimiter };
}
