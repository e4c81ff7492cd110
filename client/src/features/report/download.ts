/**
 * Fetches the report with the facilitator's token and saves it as a file, reporting
 * progress: first "making" (the server builds it), then the bytes as they arrive.
 */
export type ReportFormat = 'docx' | 'pdf' | 'html' | 'md';

export type Progress = { phase: 'making' } | { phase: 'receiving'; received: number; total: number | null };

export class ReportError extends Error {}

function fileNameOf(res: Response, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return m?.[1] ?? fallback;
}

export async function downloadReport(
  sessionId: string,
  token: string,
  opts: { format: ReportFormat; lang: 'nl' | 'en' },
  onProgress: (p: Progress) => void,
): Promise<string> {
  onProgress({ phase: 'making' });
  const res = await fetch(
    `/api/sessions/${encodeURIComponent(sessionId)}/report?format=${opts.format}&lang=${opts.lang}`,
    { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' },
  );
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ReportError(body?.error?.message ?? res.statusText);
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
  const blob = new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}
