import type { IslandTranslate } from '../../i18n/islands';

export type PrivateTranslate = IslandTranslate<'private'>;

export interface PrivateLinks {
  channels: string;
  track: string;
}

/** Who the decision letter is from (content/settings). */
export interface Association {
  name: string;
  address: string;
  phone: string;
  email: string;
}
