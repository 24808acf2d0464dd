declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate once the first frame is on screen (src/build/after-paint-directive.ts). */
    'client:afterpaint'?: boolean;
  }
}
export {};
