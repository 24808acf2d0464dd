import type { ClientDirective } from 'astro';

/**
 * `client:afterpaint`: the island's code is fetched and hydrated once the page's first frame is
 * on screen (two animation frames: the first runs as that frame is made, the second after it is
 * shown), not while the page is still waiting to paint. Its server HTML is what the visitor sees
 * first either way; with `client:load` the island's scripts downloaded and ran before the first
 * paint on a phone, and delayed it (docs/ARCHITECTURE.md, "Page speed on a phone"). A hidden tab
 * makes no frames, so there the island loads at once.
 */
const afterPaint: ClientDirective = (load) => {
  const hydrate = async () => (await load())();
  if (document.visibilityState === 'hidden') return void hydrate();
  requestAnimationFrame(() => requestAnimationFrame(() => void hydrate()));
};

export default afterPaint;
