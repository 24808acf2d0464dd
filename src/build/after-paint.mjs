import { fileURLToPath } from 'node:url';

// Adds the `client:afterpaint` hydration directive (src/build/after-paint-directive.ts).
export default function afterPaint() {
  return {
    name: 'irtiqaa-after-paint',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'afterpaint', entrypoint: fileURLToPath(new URL('./after-paint-directive.ts', import.meta.url)) });
      },
    },
  };
}
