/** The policy's eight contact channels, in its order (enum `public.channel`). */
export const CHANNELS = [
  'interview',
  'phone',
  'social_media',
  'website',
  'postal_address',
  'letter',
  'volunteer_service',
  'representative',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels through which staff register a request on the beneficiary's behalf. */
export const STAFF_INTAKE_CHANNELS = ['phone', 'interview', 'letter', 'representative', 'volunteer_service'] as const satisfies readonly Channel[];
