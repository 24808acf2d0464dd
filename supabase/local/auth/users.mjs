// auth.users as GoTrue reads and writes it (internal/models/user.go): lookups scoped to the
// nil instance, the user's factors loaded with it, and the JSON of models.User field by field
// (`omitempty` fields left out when empty, nullable strings sent as "").
import { GO_ZERO_TIME, goTime } from './db.mjs';
import { NIL_UUID } from './go-uuid.mjs';

const USER_COLUMNS = `u.*, (u.banned_until is not null and now() < u.banned_until) as is_banned`;

async function withFactors(db, user) {
  if (!user) return null;
  const { rows } = await db.query(
    `select id, created_at, updated_at, status::text, friendly_name, factor_type::text, phone, last_challenged_at
       from auth.mfa_factors where user_id = $1 order by created_at, id`,
    [user.id],
  );
  return { ...user, factors: rows };
}

/** models.FindUserByEmailAndAudience: lower(email) = lower(given), never trimmed. */
export async function findUserByEmail(db, email, aud) {
  const { rows } = await db.query(
    `select ${USER_COLUMNS} from auth.users u
      where u.instance_id = $1 and lower(u.email) = lower($2) and u.aud = $3 and u.is_sso_user = false limit 1`,
    [NIL_UUID, email, aud],
  );
  return withFactors(db, rows[0]);
}

/** models.FindUserByID. */
export async function findUserById(db, id) {
  const { rows } = await db.query(`select ${USER_COLUMNS} from auth.users u where u.instance_id = $1 and u.id = $2`, [NIL_UUID, id]);
  return withFactors(db, rows[0]);
}

/** models.User.HighestPossibleAAL: aal2 once any factor is verified. */
export const highestPossibleAal = (user) => (user.factors.some((f) => f.status === 'verified') ? 'aal2' : 'aal1');

const optional = (key, value) => (value ? { [key]: value } : {});

/** The JSON of models.Factor. */
export function factorJson(f) {
  return {
    id: f.id,
    created_at: goTime(f.created_at) ?? GO_ZERO_TIME,
    updated_at: goTime(f.updated_at) ?? GO_ZERO_TIME,
    status: f.status,
    ...optional('friendly_name', f.friendly_name),
    factor_type: f.factor_type,
    phone: f.phone ?? '',
    last_challenged_at: goTime(f.last_challenged_at),
  };
}

/** The JSON of models.User, in its field order. */
export function userJson(u) {
  return {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    ...optional('email_confirmed_at', goTime(u.email_confirmed_at)),
    ...optional('invited_at', goTime(u.invited_at)),
    phone: u.phone ?? '',
    ...optional('phone_confirmed_at', goTime(u.phone_confirmed_at)),
    ...optional('confirmation_sent_at', goTime(u.confirmation_sent_at)),
    ...optional('confirmed_at', goTime(u.confirmed_at)),
    ...optional('recovery_sent_at', goTime(u.recovery_sent_at)),
    ...optional('new_email', u.email_change),
    ...optional('email_change_sent_at', goTime(u.email_change_sent_at)),
    ...optional('new_phone', u.phone_change),
    ...optional('phone_change_sent_at', goTime(u.phone_change_sent_at)),
    ...optional('reauthentication_sent_at', goTime(u.reauthentication_sent_at)),
    ...optional('last_sign_in_at', goTime(u.last_sign_in_at)),
    app_metadata: u.raw_app_meta_data,
    user_metadata: u.raw_user_meta_data,
    ...(u.factors?.length ? { factors: u.factors.map(factorJson) } : {}),
    // No auth.identities locally (CONTRACT.md): a hosted email user lists its email identity here.
    identities: [],
    created_at: goTime(u.created_at) ?? GO_ZERO_TIME,
    updated_at: goTime(u.updated_at) ?? GO_ZERO_TIME,
    ...optional('banned_until', goTime(u.banned_until)),
    ...optional('deleted_at', goTime(u.deleted_at)),
    is_anonymous: u.is_anonymous ?? false,
  };
}
