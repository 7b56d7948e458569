import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may see what, and sessions that can be cut off:
 * - `organization.office_confirmed_at`: a programme office is one only once a platform operator says
 *   so. Offices that signed themselves up before this migration stay unconfirmed (they see nothing)
 *   until an operator confirms them (`npm run admin -- confirm-programme-office`).
 * - `organization_link`: oversight (an office reads a cooperative) and trade (an organization may ship
 *   to another) links, each requested by one side and accepted by the other. No oversight link is
 *   created here: oversight is granted, never claimed. Each existing partner naming another
 *   organization becomes a trade link: active when that organization has already received a
 *   shipment through it (it accepted custody, so its trade goes on), pending otherwise.
 * - `user_session`: every token names its session; logging out, a role change, deactivation, removal
 *   or a new password revokes sessions. Tokens issued before this migration name none: log in again.
 * - `password_reset`: one-time links, stored as hashes. `login_throttle`: failed logins per email.
 */
export class SessionsAndLinks1764404000000 implements MigrationInterface {
  name = 'SessionsAndLinks1764404000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization ADD COLUMN office_confirmed_at timestamptz`);
    await q.query(`ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz, ADD COLUMN removed_at timestamptz`);

    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id),
        organization_id uuid NOT NULL REFERENCES organization(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX user_session_live_idx ON user_session (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        token_hash text NOT NULL UNIQUE,
        purpose text NOT NULL CHECK (purpose IN ('reset', 'first_password')),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_reset_user_idx ON password_reset (user_id)`);

    // Keyed by the email typed, whether or not an account has it: a lock must not tell which exist.
    await q.query(`
      CREATE TABLE login_throttle (
        email text PRIMARY KEY,
        failures int NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at)`);

    await q.query(`
      CREATE TABLE organization_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('oversight', 'trade')),
        from_organization_id uuid NOT NULL REFERENCES organization(id),
        to_organization_id uuid NOT NULL REFERENCES organization(id),
        status text NOT NULL CHECK (status IN ('pending', 'active', 'declined', 'ended')),
        requested_by_organization_id uuid NOT NULL REFERENCES organization(id),
        requested_by_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        responded_at timestamptz,
        responded_by_user_id uuid REFERENCES app_user(id),
        ended_at timestamptz,
        ended_by_organization_id uuid REFERENCES organization(id),
        ended_by_user_id uuid REFERENCES app_user(id),
        CHECK (from_organization_id <> to_organization_id),
        CHECK (requested_by_organization_id IN (from_organization_id, to_organization_id))
      )`);
    // One open link per pair and kind; the ship and X-Organization-Id checks read it by this index.
    await q.query(`CREATE UNIQUE INDEX organization_link_open_key ON organization_link (kind, from_organization_id, to_organization_id) WHERE status IN ('pending', 'active')`);
    await q.query(`CREATE INDEX organization_link_to_idx ON organization_link (to_organization_id, kind) WHERE status IN ('pending', 'active')`);

    await q.query(`
      INSERT INTO organization_link (kind, from_organization_id, to_organization_id, status, requested_by_organization_id, created_at, responded_at)
      SELECT 'trade', pair.organization_id, pair.linked_organization_id,
             CASE WHEN pair.received THEN 'active' ELSE 'pending' END, pair.organization_id, pair.created_at,
             CASE WHEN pair.received THEN now() END
      FROM (
        SELECT p.organization_id, p.linked_organization_id, min(p.created_at) AS created_at,
               EXISTS (SELECT 1 FROM shipment s WHERE s.organization_id = p.organization_id
                         AND s.receiver_organization_id = p.linked_organization_id AND s.status = 'received') AS received
        FROM partner p
        WHERE p.linked_organization_id IS NOT NULL AND p.linked_organization_id <> p.organization_id
        GROUP BY p.organization_id, p.linked_organization_id
      ) AS pair`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_link, login_throttle, password_reset, user_session`);
    await q.query(`ALTER TABLE app_user DROP COLUMN deactivated_at, DROP COLUMN removed_at`);
    await q.query(`ALTER TABLE organization DROP COLUMN office_confirmed_at`);
  }
}
