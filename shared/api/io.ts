/**
 * Data in and out (server/api/ioRoutes.ts, issue 6), parsed on both sides:
 *
 *   GET  /api/sessions/:id/boards/:boardId/actors?format=csv|xlsx&lang=nl|en
 *        (ActorsDownloadQuery) → the file (facilitator and participants)
 *   POST /api/sessions/:id/boards/:boardId/actors/import?step=preview|commit
 *        &lang=nl|en&mapping=name,organisation,,category&allOrNothing=1 (ActorsImportQuery)
 *        body: the file itself (Content-Type text/csv or the .xlsx type)
 *        → ImportPreview, or 201 ImportResult (facilitator)
 *   GET  /api/sessions/:id/export[?history=1] (SessionExportQuery) → the session file (facilitator)
 *   POST /api/sessions/import   body: the session file (shared/io/sessionFile.ts, checked by
 *        server/io/sessionImport.ts) → 201 CreateSessionResponse
 */
import { z } from 'zod';
import { ACTOR_COLUMNS, type ActorColumn } from '../io/actorTable.ts';
import { ApiLang, queryFlag } from './query.ts';

export const ActorColumnSchema = z.enum(ACTOR_COLUMNS);
export const Mapping = z.array(ActorColumnSchema.nullable());

export const RowProblemSchema = z.object({
  row: z.number(),
  field: ActorColumnSchema.nullable(),
  message: z.string(),
});
export type RowProblemSchema = z.infer<typeof RowProblemSchema>;

export const CheckedRowSchema = z.union([
  z.object({ row: z.number(), ok: z.literal(true), actor: z.record(z.string(), z.unknown()) }),
  z.object({ row: z.number(), ok: z.literal(false), problems: z.array(RowProblemSchema) }),
]);
export type CheckedRowSchema = z.infer<typeof CheckedRowSchema>;

export const ImportPreview = z.object({
  step: z.literal('preview'),
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(z.object({ header: z.string(), samples: z.array(z.string()) })),
  /** The mapping used for the rows below (the one asked for, or the suggestion). */
  mapping: Mapping,
  suggestedMapping: Mapping,
  /** Why this mapping cannot be imported (no name column, a field twice); `null` when it can. */
  mappingError: z.string().nullable(),
  rows: z.array(CheckedRowSchema),
  valid: z.number(),
  rejected: z.number(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  step: z.literal('commit'),
  imported: z.number(),
  actorIds: z.array(z.string()),
  /** Rows that were left out (only when not "all or nothing"). */
  rejected: z.array(RowProblemSchema),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** The actors as a download; a language the route does not know falls back to Dutch. */
export const ActorsDownloadQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: ApiLang.catch('nl'),
});
export type ActorsDownloadQuery = z.input<typeof ActorsDownloadQuery>;

/**
 * The actors' import: `preview` answers the columns, the suggested mapping and every row
 * checked; `commit` adds the valid rows (with `allOrNothing`, none if any is rejected).
 * `mapping` is one field (or nothing) per column, written by {@link mappingParam}.
 */
export const ActorsImportQuery = z.object({
  step: z.enum(['preview', 'commit']),
  lang: ApiLang.catch('nl'),
  mapping: z.string().optional().catch(undefined),
  allOrNothing: queryFlag('1', 'true'),
});
export type ActorsImportQuery = z.input<typeof ActorsImportQuery>;

/** `mapping=name,organisation,,category`: the query form of a mapping. */
export function mappingParam(mapping: readonly (ActorColumn | null)[]): string {
  return mapping.map((f) => f ?? '').join(',');
}

/** The session file; `history` adds the stored snapshots. */
export const SessionExportQuery = z.object({ history: queryFlag('1', 'true') });
export type SessionExportQuery = z.input<typeof SessionExportQuery>;

/** Content types of an actors upload. */
export const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'text/comma-separated-values'] as const;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
