// Database access for the local auth: one transaction per request (GoTrue's db.Transaction),
// timestamps read as text in UTC so they reach JSON exactly as Go writes time.Time (RFC 3339,
// microseconds, trailing zeros dropped, "Z").
import pg from 'pg';

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;

const types = {
  getTypeParser: (oid, format) => (oid === TIMESTAMPTZ || oid === TIMESTAMP ? (text) => text : pg.types.getTypeParser(oid, format)),
};

/** A timestamp as PostgreSQL prints it in UTC ("2026-11-28 14:00:00.1234+00"), as Go's JSON. */
export function goTime(text) {
  if (text == null) return null;
  const [, date, time, fraction = ''] = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?/.exec(text) ?? [];
  if (!date) return text;
  const digits = fraction.replace(/0+$/, '');
  return `${date}T${time}${digits ? `.${digits}` : ''}Z`;
}

/** Go's zero time.Time, what a NOT NULL-in-Go timestamp reads as when the column is null. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

function withTypes(client) {
  return {
    query: (text, values) => client.query({ text, values, types }),
  };
}

/**
 * Runs `fn(db)` in a transaction in UTC. An error rolls it back unless it has `keepChanges`
 * (GoTrue's storage.NewCommitWithError: a leaked session is ended even though the call fails).
 */
export async function inTransaction(pool, fn) {
  const client = await pool.connect();
  try {
    await client.query("begin; set local time zone 'UTC'");
    const result = await fn(withTypes(client));
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query(error.keepChanges ? 'commit' : 'rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
