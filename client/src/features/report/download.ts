/**
 * Fetches the report with the facilitator's token and saves it as a file, reporting
 * progress: first "making" (the server builds it), then the bytes as they arrive.
 */
import type { ReportFormat } from '../../../../shared/api.ts';
import { ApiRequestError, fetchReport, fileNameOf, saveFile } from '../../base/api/index.ts';

export type { ReportFormat };

export type Progress = { phase: 'making' } | { phase: 'receiving'; received: number; total: number | null };

export class ReportError extends Error {}

export async function downloadReport(
  sessionId: string,
  token: string,
  opts: { format: ReportFormat; lang: 'nl' | 'en' },
  onProgress: (p: Progress) => void,
): Promise<string> {
  onProgress({ phase: 'making' });
  let res: Response;
  try {
    res = await fetchReport(sessionId, token, opts);
  } catch (err) {
    // Offline stays what it was (the dialog says so); a refusal carries the server's words.
    if (err instanceof ApiRequestError && err.code !== 'network') throw new ReportError(err.message);
    throw err;
  }
  const total = Number(res.headers.get('content-length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ phase: 'receiving', received, total });
    }
  } else chunks.push(new Uint8Array(await res.arrayBuffer()));
  const file = fileNameOf(res, `verslag.${opts.format}`);
  saveFile(
    new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }),
    file,
  );
  return file;
}
