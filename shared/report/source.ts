/**
 * Everything the report is made from, as plain data (the server collects it from the
 * session's docs and stores, see server/report/collect.ts).
 */
import type { EvaluationSummary } from '../methods/evaluation.ts';
import type { Actor, BoardSettings, ForceRecord, RelationRecord } from '../model/board/actorSchema.ts';
import type { AnswerRecord } from '../model/board/answers.ts';
import type { BoardItem } from '../model/board/schema.ts';
import type { ProgramSnapshot } from '../model/meeting/program.ts';
import type { ReportSettings } from '../model/meeting/reportSettings.ts';
import type { BoardKind, VoteRound } from '../model/sessionDoc.ts';

export interface ReportBoardSource {
  id: string;
  title: string;
  kind: BoardKind;
  /** The group working on this board, if any. */
  groupName: string | null;
  items: BoardItem[];
  actors: Actor[];
  relations: RelationRecord[];
  forces: ForceRecord[];
  settings: BoardSettings;
  answers: AnswerRecord[];
  /** The actors as they stood at the meeting's start (the board's oldest history snapshot), if there is one. */
  startActors?: Actor[];
}

export interface ReportSource {
  session: { id: string; title: string; createdAt: number; facilitator: string; participantCount: number };
  program: ProgramSnapshot;
  boards: ReportBoardSource[];
  /** Names merged by the facilitator for the comparison (live.ts). */
  merges: Record<string, string>;
  /** Revealed vote rounds with their totals per target id. */
  votes: { round: VoteRound; totals: Record<string, number>; voters: number }[];
  evaluation: EvaluationSummary & { quotes: { text: string; name: string | null }[] };
  settings: ReportSettings;
}
