// A small closed-loop load generator: `concurrency` clients each send one request after another
// until `total` requests are done; returns throughput and latency percentiles (ms).
export async function closedLoop({ concurrency, total, send }) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const firstError = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        try {
          await send(i);
        } catch (error) {
          failures += 1;
          if (firstError.length < 3) firstError.push(String(error.message ?? error));
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    total,
    concurrency,
    failures,
    errors: firstError,
    seconds,
    perSecond: total / seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies[latencies.length - 1],
  };
}
