import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import Konva from 'konva';
import { Layer, Stage } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Doc } from '../../../shared/model/doc.ts';
import { addNote, deleteNote, moveNote, readBoardDoc, setNoteText } from '../../../shared/model/boardDoc.ts';
import type { NOTE_COLORS } from '../../../shared/model/boardDoc.ts';
import { newId } from '../board/newId.ts';
import { usePanZoom } from '../board/usePanZoom.ts';
import { useElementSize } from '../board/useElementSize.ts';
import {
  GRID,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  allNotesVisible,
  fitNotes,
  panToShow,
  screenToWorld,
  zoomAt,
} from '../board/viewport.ts';
import { useT } from '../i18n/useT.ts';
import { useDocSnapshot } from '../sync/useDocSnapshot.ts';
import { BoardToolbar, ZoomControls, type BoardMode } from './BoardChrome.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NoteShape } from './NoteShape.tsx';

// Pinch-zoom must keep working while a finger is on a draggable note.
Konva.hitOnDragEnabled = true;

interface BoardCanvasProps {
  doc: Doc;
  /** May this person change the board right now (role and lock)? */
  editable: boolean;
  /** What the toolbar says about the board (open, locked, view only). */
  mode: BoardMode;
  /** Extra controls at the end of the toolbar (the facilitator's lock switch). */
  toolbarEnd?: ReactNode;
  /** Shown on notes you add. */
  author: string;
  color: (typeof NOTE_COLORS)[number];
}

/** The plenary board: a pannable, zoomable canvas of sticky notes. */
export function BoardCanvas({ doc, editable, mode, toolbarEnd, author, color }: BoardCanvasProps) {
  const t = useT();
  const { notes } = useDocSnapshot(doc, readBoardDoc);
  const containerRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(containerRef);
  const { viewport, setViewport, stageHandlers } = usePanZoom();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const createdId = useRef<string | null>(null);
  const editingNote = editable ? (notes.find((n) => n.id === editingId) ?? null) : null;
  const selected = notes.some((n) => n.id === selectedId) ? selectedId : null;

  // Opening a board that already has notes: show them all, once.
  const autoFitted = useRef(false);
  useEffect(() => {
    if (autoFitted.current || notes.length === 0 || size.width === 0 || size.height === 0) return;
    autoFitted.current = true;
    setViewport((v) =>
      allNotesVisible(notes, v, size.width, size.height) ? v : fitNotes(notes, size.width, size.height),
    );
  }, [notes, size.width, size.height, setViewport]);

  const onSelect = useCallback((id: string) => setSelectedId(id), []);
  const onEdit = useCallback((id: string) => setEditingId(id), []);

  // The note being edited must be fully on screen: the textarea lies over it.
  const editingPos = editingNote ? { x: editingNote.x, y: editingNote.y } : null;
  const editingKey = editingNote ? editingNote.id : null;
  useEffect(() => {
    if (!editingPos || size.width === 0) return;
    setViewport((v) => panToShow(v, editingPos, size.width, size.height));
    // Only when editing starts (editingKey): later moves by others should not jerk the view.
  }, [editingKey]);
  const onMoved = useCallback((id: string, x: number, y: number) => moveNote(doc, id, x, y), [doc]);

  const removeSelected = useCallback(() => {
    if (!selected || !editable) return;
    deleteNote(doc, selected);
    setSelectedId(null);
  }, [doc, selected, editable]);

  useEffect(() => {
    if (!selected || !editable || editingNote) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Delete' && e.key !== 'Backspace') return;
      if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]')) return;
      e.preventDefault();
      removeSelected();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, editable, editingNote, removeSelected]);

  const onStagePointerDown = (e: KonvaEventObject<Event>) => {
    if (e.target === e.target.getStage()) setSelectedId(null);
  };

  const onStageDoubleClick = (e: KonvaEventObject<Event>) => {
    const stage = e.target.getStage();
    const pointer = stage?.getPointerPosition();
    if (!editable || !stage || e.target !== stage || !pointer) return;
    const at = screenToWorld(viewport, pointer);
    const id = newId();
    const x = Math.round(at.x - NOTE_WIDTH / 2);
    const y = Math.round(at.y - NOTE_HEIGHT / 2);
    addNote(doc, { id, x, y, text: '', color, author: author.slice(0, 64) });
    createdId.current = id;
    setSelectedId(id);
    setEditingId(id);
  };

  const onEditDone = (text: string | null) => {
    const note = editingNote;
    setEditingId(null);
    if (!note) return;
    const isNew = createdId.current === note.id;
    createdId.current = null;
    // A new note left empty was a stray double-click: do not leave blank paper behind.
    if (isNew && (text ?? '').trim() === '') deleteNote(doc, note.id);
    else if (text !== null && text !== note.text) setNoteText(doc, note.id, text);
  };

  const center = { x: size.width / 2, y: size.height / 2 };
  const gridSize = GRID * viewport.scale;
  return (
    <div className={editable ? 'board' : 'board is-readonly'} data-testid="board" data-editable={editable}>
      <BoardToolbar mode={mode} end={toolbarEnd} />
      <div
        ref={containerRef}
        className="board-canvas"
        aria-label={t('board.canvasLabel')}
        role="application"
        style={{
          backgroundSize: `${gridSize}px ${gridSize}px`,
          backgroundPosition: `${viewport.x}px ${viewport.y}px`,
        }}
      >
        {size.width > 0 && size.height > 0 ? (
          <Stage
            width={size.width}
            height={size.height}
            x={viewport.x}
            y={viewport.y}
            scaleX={viewport.scale}
            scaleY={viewport.scale}
            draggable
            {...stageHandlers}
            onMouseDown={onStagePointerDown}
            onTouchStart={onStagePointerDown}
            onDblClick={onStageDoubleClick}
            onDblTap={onStageDoubleClick}
          >
            <Layer>
              {notes.map((note) => (
                <NoteShape
                  key={note.id}
                  note={note}
                  selected={note.id === selected}
                  editable={editable}
                  editing={note.id === editingNote?.id}
                  placeholder={t('board.emptyNote')}
                  onSelect={onSelect}
                  onEdit={onEdit}
                  onMoved={onMoved}
                />
              ))}
            </Layer>
          </Stage>
        ) : null}
        {editingNote ? (
          <NoteEditor
            key={editingNote.id}
            note={editingNote}
            viewport={viewport}
            label={t('board.editLabel')}
            onDone={onEditDone}
          />
        ) : null}
        <ZoomControls
          scale={viewport.scale}
          onZoom={(factor) => setViewport((v) => zoomAt(v, factor, center))}
          onFit={() => setViewport(fitNotes(notes, size.width, size.height))}
          onDelete={editable && selected && !editingNote ? removeSelected : null}
        />
      </div>
    </div>
  );
}
