/**
 * Instrumentation that `bench/canvas.ts` puts into the page before the app loads. Plain
 * JavaScript in strings: the page gets exactly this source (no transpiler helpers).
 *
 * It reads the board through the test hook `window.__veldwerkBoard` that the canvas
 * installs with `?debug` ({ snapshot(), getSelection(), setSelection(ids),
 * getViewport(), setViewport(v), stage }) and never changes the app's behaviour:
 *
 * - `__bench.frames`: requestAnimationFrame timestamps while `__bench.recording`.
 * - `__bench.fullPaint(n)`: resolves at the first Konva layer draw after which the
 *   snapshot holds at least `n` items AND the stage holds a node for each of them
 *   (shapes carry the item id): "first full paint", in ms since navigation start; also
 *   when the DOM was loaded, when the page opened the board's websocket (created the
 *   first one with `/b/` in its address), when the board's data arrived (the start of the handler of
 *   the first message of 100 KB or more on a board's websocket, `/b/` in its address: the
 *   server's answer with the whole board) and when the snapshot first held all items.
 * - `__bench.watchMove(id, x)`: resolves with the time from the websocket message
 *   that brought item `id` to `x` (measured when the y-websocket handler starts) to
 *   the end of the first draw of the layer holding the item's node with the node at
 *   `x`, and how many animation frames began in between (at most 1: "within one
 *   frame": drawn in the frame after the one it arrived in).
 */
export const INSTRUMENT = String.raw`
(() => {
  const bench = (window.__bench = { frames: [], recording: false, ticks: 0, draws: [], onMessage: null });
  const tick = (t) => {
    bench.ticks++;
    if (bench.recording) bench.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  // Time each websocket message at the start of the y-websocket handler.
  const Native = window.WebSocket;
  class Timed extends Native {
    constructor(...args) {
      super(...args);
      if (bench.openedAt === undefined && String(args[0]).includes('/b/')) bench.openedAt = performance.now();
    }
    set onmessage(fn) {
      super.onmessage = fn && ((e) => {
        const t0 = performance.now();
        if (bench.dataAt === undefined && String(this.url).includes('/b/') && (e.data.byteLength || 0) >= 100000) {
          bench.dataAt = t0;
        }
        fn.call(this, e);
        if (bench.onMessage) bench.onMessage(t0);
      });
    }
    get onmessage() {
      return super.onmessage;
    }
  }
  window.WebSocket = Timed;

  const hook = () => window.__veldwerkBoard;
  const snapshotOf = (h) => (h.snapshot ? h.snapshot() : h.getSnapshot());
  const countItemNodes = (stage, byId) => {
    let n = 0;
    const walk = (node) => {
      const id = node.id();
      if (id && byId.has(id)) n++;
      if (node.getChildren) for (const c of node.getChildren()) walk(c);
    };
    walk(stage);
    return n;
  };
  // Calls fn(t) after every draw of any layer of the stage (layers may be added later).
  const onDraw = (fn) => {
    const seen = new WeakSet();
    let stopped = false;
    const attach = () => {
      if (stopped) return;
      const h = hook();
      if (h && h.stage) for (const layer of h.stage.getLayers()) {
        if (seen.has(layer)) continue;
        seen.add(layer);
        layer.on('draw.bench', () => { if (!stopped) fn(performance.now(), layer); });
      }
      requestAnimationFrame(attach);
    };
    attach();
    return () => { stopped = true; };
  };

  bench.fullPaint = (n, timeoutMs) => new Promise((resolve) => {
    let best = 0;
    let synced = NaN;
    // When the snapshot first held all items (the sync is done), checked every frame.
    const poll = () => {
      const h = hook();
      if (h && snapshotOf(h).items.length >= n) synced = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    const loaded = () => {
      const nav = performance.getEntriesByType('navigation')[0];
      return nav ? nav.domContentLoadedEventEnd : NaN;
    };
    const stop = onDraw((t) => {
      const h = hook();
      const snap = snapshotOf(h);
      if (snap.items.length < n) return;
      const drawn = countItemNodes(h.stage, snap.byId);
      best = Math.max(best, drawn);
      if (drawn < n) return;
      stop();
      resolve({ ms: t, drawn, items: snap.items.length, loaded: loaded(), opened: bench.openedAt ?? NaN, data: bench.dataAt ?? NaN, synced: Number.isNaN(synced) ? t : Math.min(synced, t) });
    });
    setTimeout(() => {
      stop();
      const items = hook() ? snapshotOf(hook()).items.length : 0;
      resolve({ ms: NaN, drawn: best, items, loaded: loaded(), opened: bench.openedAt ?? NaN, data: bench.dataAt ?? NaN, synced });
    }, timeoutMs);
  });

  bench.watchMove = (id, x, timeoutMs) => new Promise((resolve) => {
    let arrived = null;
    let ticksAtArrival = 0;
    bench.onMessage = (t0) => {
      if (arrived !== null) return;
      const item = snapshotOf(hook()).byId.get(id);
      if (item && item.x === x) { arrived = t0; ticksAtArrival = bench.ticks; }
    };
    const stop = onDraw((t, layer) => {
      if (arrived === null) return;
      // The draw that shows it: the layer holding the item's node, with the node moved.
      const node = hook().stage.findOne('#' + id);
      if (!node || node.getLayer() !== layer || node.x() !== x) return;
      stop();
      bench.onMessage = null;
      resolve({ ms: t - arrived, frames: bench.ticks - ticksAtArrival });
    });
    setTimeout(() => { stop(); bench.onMessage = null; resolve({ ms: NaN, frames: NaN }); }, timeoutMs);
  });
})();
`;
