declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate once the first content is on screen; forms held until then (src/build/after-paint-directive.ts). */
    'client:afterpaint'?: boolean;
  }
}
export {};
