/**
 * What a zip (an .xlsx) would unpack to, read from its central directory without
 * unpacking anything: so a small upload that unpacks to gigabytes (a zip bomb) is
 * refused before a library inflates it. `null` when the file has no readable
 * directory (the caller treats it as a broken file).
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export interface ZipSize {
  entries: number;
  /** Sum of the entries' uncompressed sizes, in bytes. */
  uncompressed: number;
}

export function zipUncompressedSize(bytes: Uint8Array): ZipSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is at the end, before an optional comment.
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  for (let i = bytes.length - EOCD_MIN; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 (0xffff / 0xffffffff markers) is not what a spreadsheet of actors needs.
  if (entries === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;
  let p = offset;
  let uncompressed = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return null;
    const entrySize = view.getUint32(p + 24, true);
    if (entrySize === 0xffffffff) return null;
    uncompressed += entrySize;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { entries, uncompressed };
}
