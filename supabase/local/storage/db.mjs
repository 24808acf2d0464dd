// Storage rows in PostgreSQL, queried as the hosted server queries them: as the caller's role
// with its JWT claims set (so the RLS policies on storage.objects decide), or as the superuser
// where hosted does (finding the bucket, completing an upload, serving a signed URL).

// Raised inside a transaction to roll it back after a permission test (hosted: testPermission).
const ROLLBACK = Symbol('rollback');

/** Runs fn(client) in a transaction as `claims` (their role and JWT), or as the superuser when null. */
export async function inTransaction(pool, claims, fn) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    if (claims) {
      await client.query(
        `select set_config('role', $1, true), set_config('request.jwt.claim.role', $1, true),
                set_config('request.jwt.claims', $2, true), set_config('request.jwt.claim.sub', $3, true)`,
        [claims.role, JSON.stringify(claims), claims.sub ?? ''],
      );
    }
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ownerColumns = (owner) => [owner && UUID.test(owner) ? owner : null, owner ?? null];

const UPSERT_OBJECT = `
  insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
  values ($1, $2, $3, $4, $5, $6, $7)
  on conflict (bucket_id, name) do update
    set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata,
        user_metadata = excluded.user_metadata, version = excluded.version,
        updated_at = now(), last_accessed_at = now()
  returning id`;
const INSERT_OBJECT = `
  insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
  values ($1, $2, $3, $4, $5, $6, $7) returning id`;

export function storageDb(pool) {
  return {
    findBucket: async (bucketId) =>
      (await pool.query('select id, file_size_limit, allowed_mime_types from storage.buckets where id = $1', [bucketId])).rows[0] ?? null,

    /** Would `claims` be allowed to create (or, with upsert, replace) this object? Throws if not; writes nothing. */
    async testUpload(claims, { bucketId, name, owner, upsert, metadata }) {
      try {
        await inTransaction(pool, claims, async (c) => {
          await c.query(upsert ? UPSERT_OBJECT : INSERT_OBJECT, [bucketId, name, ...ownerColumns(owner), metadata ?? null, null, '1']);
          throw ROLLBACK;
        });
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      }
    },

    /** Records a completely written file as the object's current version; returns { id, previousVersion }. */
    completeUpload: ({ bucketId, name, owner, metadata, userMetadata, version }) =>
      inTransaction(pool, null, async (c) => {
        const previous = await c.query('select version from storage.objects where bucket_id = $1 and name = $2 for update', [bucketId, name]);
        const { rows } = await c.query(UPSERT_OBJECT, [bucketId, name, ...ownerColumns(owner), metadata, userMetadata ?? null, version]);
        return { id: rows[0].id, previousVersion: previous.rows[0]?.version ?? null };
      }),

    /** The object as `claims` may see it (null: superuser), or null. */
    findObject: (claims, bucketId, name) =>
      inTransaction(pool, claims, async (c) =>
        (await c.query('select id, name, version, metadata, updated_at from storage.objects where bucket_id = $1 and name = $2', [bucketId, name])).rows[0] ?? null),

    search: (claims, { bucketId, prefix, limit, offset, search, sortColumn, sortOrder }) =>
      inTransaction(pool, claims, async (c) =>
        (await c.query('select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)', [
          prefix, bucketId, limit, (prefix + search).split('/').length, offset, search, sortColumn, sortOrder,
        ])).rows),

    /** Deletes the named objects `claims` may delete; returns the deleted rows. */
    deleteObjects: (claims, bucketId, names) =>
      inTransaction(pool, claims, async (c) => {
        await c.query("select set_config('storage.allow_delete_query', 'true', true)");
        const { rows } = await c.query(
          `delete from storage.objects where bucket_id = $1 and name = any($2::text[])
           returning id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at`,
          [bucketId, names],
        );
        return rows;
      }),
  };
}
