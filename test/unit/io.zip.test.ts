/**
 * An .xlsx is a zip: what it would unpack to is read from its directory before anything
 * is unpacked, so a small upload that unpacks to gigabytes is refused.
 */
import { describe, expect, it } from 'vitest';
import { readXlsxTable, actorsXlsx } from '../../server/io/xlsx.ts';
import { zipUncompressedSize } from '../../server/io/zipSize.ts';
import { ImportFileError } from '../../shared/io/actorsFile.ts';
import type { Actor } from '../../shared/model/board/actorSchema.ts';
import { addActor, readMethods } from '../../shared/model/board/actors.ts';
import { createDoc } from '../../shared/model/doc.ts';

async function workbook(): Promise<Buffer> {
  const doc = createDoc();
  addActor(doc, { name: 'GGD', organisation: 'GGD Hollands Midden', houding: 0.5, invloed: 0.8 });
  return actorsXlsx([...readMethods(doc).actors] as Actor[], 'nl', 'Plenair');
}

/** Sets every central-directory entry's uncompressed size to `size` (as a bomb would claim). */
function claim(bytes: Buffer, size: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

describe('zip sizes', () => {
  it('reads what a workbook unpacks to without unpacking it', async () => {
    const xlsx = await workbook();
    const size = zipUncompressedSize(xlsx);
    expect(size).not.toBeNull();
    expect(size!.entries).toBeGreaterThan(3);
    // Unpacked, an Excel file is larger than the zip.
    expect(size!.uncompressed).toBeGreaterThan(xlsx.length);
    expect((await readXlsxTable(xlsx, 'nl')).rows).toHaveLength(1);
  });

  it('refuses a file that claims to unpack to more than 64 MB, before unpacking', async () => {
    const bomb = claim(await workbook(), 200 * 2 ** 20);
    const err = await readXlsxTable(bomb, 'nl').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe('file.tooLarge');
    expect((err as Error).message).toBe('Het bestand is groter dan 64 MB.');
  });

  it('finds no directory in a broken zip', () => {
    expect(zipUncompressedSize(Buffer.from('PK\u0003\u0004 not really a zip'))).toBeNull();
    expect(zipUncompressedSize(new Uint8Array(0))).toBeNull();
  });
});
