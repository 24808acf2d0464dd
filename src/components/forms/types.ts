import type { Island, IslandMessages } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import type { Channel } from '../../schemas/channels';

export interface ChannelOption {
  value: Channel;
  label: string;
}

/** What every form island receives from its page: the locale and only the strings it uses. */
export interface IslandProps<I extends Island> {
  locale: Locale;
  messages: IslandMessages<I>;
}
