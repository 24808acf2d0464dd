import type { ClientDirective } from 'astro';

/** How long an island waits for the browser to report its first contentful paint before it loads anyway. */
const AT_MOST_MS = 1500;

/**
 * `client:afterpaint`: the island's code is fetched and hydrated once the page's first content is
 * on screen, not while the page is still waiting to paint. Its server HTML is what the visitor sees
 * first either way; with `client:load` the island's scripts downloaded and ran before the first
 * paint on a phone, and delayed it (docs/ARCHITECTURE.md, "Page speed on a phone").
 *
 * "On screen" is the browser's first-contentful-paint entry, then one more frame. Two animation
 * frames alone were not enough: while the preloaded fonts are still arriving, `font-display:
 * optional` holds the text back for a moment, so the first frames can paint no content, and the
 * island's scripts were then requested before the first contentful paint (Lighthouse counted them
 * into its FCP and LCP: /staff/ 1.3 and 2.0 s where the other pages measured 0.8 and 1.5).
 * Where paint entries are not reported, two frames; a hidden tab makes no frames, so there the
 * island loads at once. Meanwhile the island's forms are held (not sent by the browser).
 */
const afterPaint: ClientDirective = (load, _options, island) => {
  // Until the island runs, a form of its server HTML must not be sent by the browser itself: Enter
  // in a field would GET the page's address with every answer in it (the history, the host's logs).
  const holdSubmits = (event: Event) => event.preventDefault();
  island.addEventListener('submit', holdSubmits, { capture: true });
  const hydrate = async () => {
    await (await load())();
    island.removeEventListener('submit', holdSubmits, { capture: true });
  };
  if (document.visibilityState === 'hidden') return void hydrate();
  const afterNextFrame = () => requestAnimationFrame(() => requestAnimationFrame(() => void hydrate()));
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    return afterNextFrame();
  }
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    clearTimeout(fallback);
    afterNextFrame();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) start();
  });
  // Buffered: an entry made before this island's directive ran is delivered too.
  observer.observe({ type: 'paint', buffered: true });
  const fallback = setTimeout(start, AT_MOST_MS);
};

export default afterPaint;
