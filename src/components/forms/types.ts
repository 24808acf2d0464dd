import type { Channel } from '../../schemas/channels';
import type { FormLocale } from '../../lib/forms/dates';
import type { Messages } from '../../lib/forms/messages';

export interface ChannelOption {
  value: Channel;
  label: string;
}

/** What every form island receives from its page: the locale and only the strings it uses. */
export interface IslandProps {
  locale: FormLocale;
  messages: Messages;
}
