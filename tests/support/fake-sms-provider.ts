// A stand-in for Taqnyat's SMS API (POST /v1/messages, Bearer token, { recipients, body, sender }),
// answering as its documentation says: tests and the outreach bench never call a real provider.
// It can refuse numbers, be down, or answer slowly, and it counts what it accepted.
import http from 'node:http';

export interface FakeSmsProvider {
  url: string;
  /** Every message accepted (the answer was fully written): recipient and text. */
  accepted: { to: string; body: string }[];
  refuse: Set<string>;
  mode: { down: boolean; delayMs: number };
  close: () => Promise<void>;
}

export async function startFakeTaqnyat(token = 'test-token'): Promise<FakeSmsProvider> {
  const accepted: FakeSmsProvider['accepted'] = [];
  const refuse = new Set<string>();
  const mode = { down: false, delayMs: 0 };
  let nextId = 5_000_000_000;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const answer = (status: number, body: unknown, onSent?: () => void) => {
        res.once('finish', () => onSent?.());
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (mode.delayMs) await new Promise((r) => setTimeout(r, mode.delayMs));
      if (req.method !== 'POST' || req.url !== '/v1/messages') return answer(404, { statusCode: 404, message: 'not found' });
      if (req.headers.authorization !== `Bearer ${token}`) return answer(401, { statusCode: 401, message: 'invalid credentials information' });
      if (mode.down) return answer(503, { statusCode: 503, message: 'Service Unavailable' });
      const { recipients, body, sender } = JSON.parse(raw) as { recipients: string[]; body: string; sender: string };
      const to = recipients[0]!;
      if (!sender || refuse.has(to)) return answer(400, { statusCode: 400, message: `Invalid mobile number ${to}` });
      const messageId = nextId++;
      answer(201, { statusCode: 201, messageId, cost: 0.026, currency: 'SAR', totalCount: 1, msgLength: 1, accepted: `[${to},]`, rejected: '[]' }, () =>
        accepted.push({ to, body }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    refuse,
    mode,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
