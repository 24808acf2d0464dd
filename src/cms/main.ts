// Starts Decap CMS (loaded by /admin/ from the site's own copy of the bundle, with
// CMS_MANUAL_INIT set): Arabic interface, site-styled previews, then the configuration.
import { cmsConfig } from './config';
import { ar } from './locale-ar';
import { previewTemplates } from './previews';
import previewCss from './preview.css?raw';
import { markTextDirectionAuto } from './text-direction';

type Decap = {
  registerLocale(name: string, phrases: object): void;
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  init(options: { config: object }): void;
};
declare global {
  interface Window {
    CMS: Decap;
    h: Parameters<typeof previewTemplates>[0];
  }
}

const root = document.getElementById('nc-root');
const localBackendUrl = root?.dataset.localBackend ?? 'http://localhost:8081/api/v1';

window.CMS.registerLocale('ar', ar);
window.CMS.registerPreviewStyle(previewCss, { raw: true });
for (const [collection, template] of Object.entries(previewTemplates(window.h))) {
  window.CMS.registerPreviewTemplate(collection, template);
}
window.CMS.init({ config: cmsConfig(localBackendUrl) });
markTextDirectionAuto(document.body);
