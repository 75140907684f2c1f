/**
 * Times, inside the page, how long the person waits: from the input event (a click, a choice in a
 * list, a key) or from the start of the page load, to the first frame painted with everything a
 * screen must show (its data, not a "Loading…"). The page's own clock is used, so no round trip
 * between the benchmark and the browser is counted.
 *
 * The watcher is plain JavaScript in a string: functions compiled by tsx for Node carry helpers that
 * do not exist in the page.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** What a painted screen shows: an element matching `selector` (containing `text`), or none when `absent`. */
export interface Shown {
  selector: string;
  text?: string;
  absent?: boolean;
}

const WATCHER = String.raw`
(function (args) {
  var targets = args.targets;
  var start = args.fromLoad ? 0 : null;
  var settle;
  var done = new Promise(function (resolve) { settle = resolve; });
  function visible(el) { return el.getClientRects().length > 0; }
  function ready() {
    return targets.every(function (t) {
      var found = Array.prototype.some.call(document.querySelectorAll(t.selector), function (el) {
        return (!t.text || (el.textContent || '').indexOf(t.text) >= 0) && visible(el);
      });
      return t.absent ? !found : found;
    });
  }
  // Checked once per frame, just before it is drawn (where the page lays itself out anyway), so the
  // watching adds next to nothing; once ready, the time is taken right after that frame is painted.
  function frame() {
    if (start !== null && document.body && ready()) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { settle({ ms: performance.now() - start, epochMs: performance.timeOrigin + performance.now() }); };
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(frame);
  }
  args.triggers.forEach(function (type) {
    document.addEventListener(type, function () { if (start === null) start = performance.now(); }, { capture: true });
  });
  window.__hubdeskBench = done;
  requestAnimationFrame(frame);
})`;

export interface Timing {
  /** From the trigger (or the start of the page load) to the painted frame. */
  ms: number;
  /** When that frame was painted, in milliseconds since 1970 (to compare with a Node clock). */
  epochMs: number;
}

const TRIGGERS = ['click', 'change', 'keydown'];

function describe(targets: Shown[]): string {
  return targets.map((t) => `${t.absent ? 'no ' : ''}${t.selector}${t.text ? ` “${t.text}”` : ''}`).join(' + ');
}

/**
 * Arms the watcher, runs `act` (which must cause the event), and resolves with the time from that
 * event to the painted frame showing `targets`.
 */
export async function timeUntilShown(page: Page, targets: Shown[], act: () => Promise<void>, timeoutMs = 120_000): Promise<Timing> {
  await page.evaluate(`${WATCHER}(${JSON.stringify({ targets, triggers: TRIGGERS, fromLoad: false })})`);
  await act();
  return waitForTiming(page, targets, timeoutMs);
}

/** The watcher in every page this context loads, timing from the start of the load. */
export async function watchEveryLoad(context: BrowserContext, targets: Shown[]): Promise<void> {
  await context.addInitScript(`${WATCHER}(${JSON.stringify({ targets, triggers: [], fromLoad: true })})`);
}

/** Waits for the watcher of the current page (armed by timeUntilShown or watchEveryLoad, so it exists once the page has loaded). */
export async function waitForTiming(page: Page, targets: Shown[], timeoutMs = 120_000): Promise<Timing> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not shown within ${timeoutMs / 1000} s: ${describe(targets)}`)), timeoutMs);
  });
  try {
    return await Promise.race([page.evaluate('window.__hubdeskBench') as Promise<Timing>, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
