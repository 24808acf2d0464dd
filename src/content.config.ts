import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  channelSchema,
  documentSchema,
  faqSchema,
  improvementSchema,
  messageTemplateSchema,
  policySectionSchema,
  privacyNoticeSchema,
  savedReplySchema,
  settingsSchema,
} from './schemas/content';

// Content lives in the top-level content/ folder, one sub-folder per locale with the same file
// name in each (Decap CMS i18n `multiple_folders`). Entry ids are `<locale>/<slug>`.
const markdownIn = (folder: string) => glob({ pattern: '{ar,en}/*.md', base: `./content/${folder}` });

export const collections = {
  policy: defineCollection({ loader: markdownIn('policy'), schema: policySectionSchema }),
  channels: defineCollection({ loader: markdownIn('channels'), schema: channelSchema }),
  documents: defineCollection({ loader: markdownIn('documents'), schema: documentSchema }),
  faqs: defineCollection({ loader: markdownIn('faqs'), schema: faqSchema }),
  improvements: defineCollection({ loader: markdownIn('improvements'), schema: improvementSchema }),
  messages: defineCollection({
    loader: glob({ pattern: '{ar,en}/*.yml', base: './content/messages' }),
    schema: messageTemplateSchema,
  }),
  privacy: defineCollection({ loader: glob({ pattern: '{ar,en}/notice.md', base: './content/privacy' }), schema: privacyNoticeSchema }),
  replies: defineCollection({ loader: markdownIn('replies'), schema: savedReplySchema }),
  settings: defineCollection({
    loader: glob({ pattern: '{ar,en}/site.yml', base: './content/settings' }),
    schema: settingsSchema,
  }),
};
