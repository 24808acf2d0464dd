import { loadServiceStats, type ServiceStats } from '../../api/service-stats';

let published: Promise<ServiceStats | null> | undefined;

/**
 * The figures the API gives at build time, asked for once for both languages. A build that cannot
 * reach the API within 10 s (a CI build before its stack starts, say) still succeeds: its pages
 * carry no figures and load them live.
 */
export function publishedFigures(): Promise<ServiceStats | null> {
  published ??= loadServiceStats(AbortSignal.timeout(10_000))
    .catch(() => null)
    .then((stats) => {
      console.info(stats ? `service figures: published as computed at ${stats.generated_at}` : 'service figures: the API did not answer; the pages load them live');
      return stats;
    });
  return published;
}
