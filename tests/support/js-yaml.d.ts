// js-yaml comes with Astro (its frontmatter and data-file parser) but without type declarations;
// the tests read content files with it, so they parse exactly as the site does.
declare module 'js-yaml' {
  export function load(text: string): unknown;
  const yaml: { load: typeof load };
  export default yaml;
}
