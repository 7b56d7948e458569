import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { createTestGrowingArea, createTestPartner, createTestProduct } from '@app/testing';

/**
 * Real processes for the reliability suites: the built API (`npm run build`, which `npm test` runs
 * before jest), keyed write requests that remember every answer, and the checks that each write
 * exists exactly once and that balances and hash chains hold.
 */

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface ApiProcess {
  base: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, and the exit. */
  stop(): Promise<void>;
}

/** Starts `dist/apps/api/src/main.js` on a free port and waits until it answers /health/live. */
export async function startBuiltApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    // A fixed public base URL: answers rebuilt by a restarted API (on another port) carry the same lot URIs.
    env: { ...process.env, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'https://nguon.example', ...env, PORT: String(port), HOST: '127.0.0.1', API_PROCESSES: '1', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the API exited (${code})`))));
  await Promise.race([until(async () => (await fetch(`${base}/health/live`)).status === 200, 'the API to start'), exited]).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  });
  exited.catch(() => undefined);
  return {
    base,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export type Json = Record<string, any>;

export interface KeyedWrite {
  kind: 'harvest' | 'ship' | 'transform';
  key: string;
  path: string;
  body: Json;
  /** Every answer, in order: a status, or `network` when the connection failed. */
  attempts: { status: number | 'network'; code?: string; retryAfter?: string | null; replayed?: boolean; body?: Json }[];
}

/** Sends the write with its key once; records the answer. */
export async function send(base: string, token: string, write: KeyedWrite, timeoutMs = 60_000): Promise<KeyedWrite['attempts'][number]> {
  let attempt: KeyedWrite['attempts'][number];
  try {
    const response = await fetch(`${base}${write.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': write.key },
      body: JSON.stringify(write.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as Json;
    attempt = {
      status: response.status,
      code: body.code,
      retryAfter: response.headers.get('retry-after'),
      replayed: response.headers.get('idempotent-replayed') === 'true',
      body,
    };
  } catch {
    attempt = { status: 'network' };
  }
  write.attempts.push(attempt);
  return attempt;
}

/** Retries the write with its key until it gets an answer that is not "try again" (503, 409 in progress, no connection). */
export async function retryUntilAnswered(base: string, token: string, write: KeyedWrite, deadline: number): Promise<KeyedWrite['attempts'][number]> {
  for (;;) {
    const attempt = await send(base, token, write);
    const again = attempt.status === 'network' || attempt.status === 503 || (attempt.status === 409 && attempt.code === 'IDEMPOTENCY_KEY_IN_PROGRESS');
    if (!again) return attempt;
    if (Date.now() > deadline) throw new Error(`${write.kind} ${write.key}: still no answer: ${JSON.stringify(write.attempts)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

type Db = { query(sql: string, params?: unknown[]): Promise<any> };

export function sql(pool: pg.Pool): Db {
  return { query: async (text: string, params?: unknown[]) => (await pool.query(text, params)).rows };
}

export interface Cooperative {
  organizationId: string;
  token: string;
  householdId: string;
  distributorId: string;
  areaId: string;
  paddyId: string;
  riceId: string;
  /** Harvest lots to ship and transform from, each with plenty to give. */
  sourceLotIds: string[];
}

/** A cooperative signed up through the API, its registry written directly, and source lots harvested through the API. */
export async function cooperative(base: string, db: Db, sources: number): Promise<Cooperative> {
  const signup = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organizationName: `HTX Độ bền ${randomUUID().slice(0, 8)}`, email: `reliability-${randomUUID()}@test.nguon.vn`, password: 'correct horse battery staple', province: 'Điện Biên' }),
  });
  if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
  const { accessToken: token, organization } = (await signup.json()) as Json;
  const organizationId = organization.id as string;
  const householdId = await createTestPartner(db, organizationId, { name: 'Hộ Lò Văn Pọm' });
  const distributorId = await createTestPartner(db, organizationId, { kind: 'distributor', name: 'Nhà phân phối Tây Bắc' });
  const paddyId = await createTestProduct(db, organizationId, { nameVi: 'Thóc nếp Séng Cù', unit: 'kg' });
  const riceId = await createTestProduct(db, organizationId, { nameVi: 'Gạo nếp Séng Cù', unit: 'kg' });
  const areaId = await createTestGrowingArea(db, organizationId, { areaHa: '100000', owners: [householdId] });
  const sourceLotIds: string[] = [];
  for (let i = 0; i < sources; i++) {
    const response = await fetch(`${base}/api/v1/lots/harvest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ growingAreaId: areaId, productId: paddyId, quantity: '100000', unit: 'kg', harvestedAt: '2026-09-01', partnerId: householdId }),
    });
    if (response.status !== 201) throw new Error(`source harvest: ${response.status} ${await response.text()}`);
    sourceLotIds.push(((await response.json()) as Json).id);
  }
  return { organizationId, token, householdId, distributorId, areaId, paddyId, riceId, sourceLotIds };
}

/** The i-th write of a mixed burst: harvests, ships and transforms, each marked with its own key so its write can be found. */
export function keyedWrite(c: Cooperative, i: number, run: string): KeyedWrite {
  const key = `${run}-${i}-${randomUUID().slice(0, 8)}`;
  const lotId = c.sourceLotIds[i % c.sourceLotIds.length];
  const at = '2026-10-02T08:00:00+07:00';
  const kind = (['harvest', 'ship', 'transform'] as const)[i % 3];
  const body =
    kind === 'harvest'
      ? { growingAreaId: c.areaId, productId: c.paddyId, quantity: '2', unit: 'kg', harvestedAt: at, partnerId: c.householdId, displayName: key }
      : kind === 'ship'
        ? { partnerId: c.distributorId, quantity: '1', unit: 'kg', shippedAt: at, documents: [{ type: 'delivery_note', number: key }] }
        : { inputs: [{ lotId, quantity: '1', unit: 'kg' }], outputs: [{ productId: c.riceId, quantity: '0.7', unit: 'kg', displayName: key }], occurredAt: at, process: key };
  const path = kind === 'harvest' ? '/api/v1/lots/harvest' : kind === 'ship' ? `/api/v1/lots/${lotId}/ship` : '/api/v1/lots/transform';
  return { kind, key, path, body, attempts: [] };
}

/** How many times each write was made (0, 1, or more), found by the key it carries, and whether its key is recorded. */
export async function writesPerKey(db: Db, organizationId: string, writes: KeyedWrite[]): Promise<Map<string, { made: number; recorded: boolean }>> {
  const rows = await db.query(
    `SELECT k.key,
       CASE k.kind
         WHEN 'harvest' THEN (SELECT count(*) FROM lot WHERE organization_id = $1 AND kind = 'harvest' AND display_name = k.key)
         WHEN 'ship' THEN (SELECT count(*) FROM event WHERE organization_id = $1 AND type = 'ship' AND documents @> jsonb_build_array(jsonb_build_object('number', k.key)))
         ELSE (SELECT count(*) FROM event WHERE organization_id = $1 AND type = 'transform' AND details->>'process' = k.key)
       END::int AS made,
       EXISTS (SELECT 1 FROM idempotency_key i WHERE i.organization_id = $1 AND i.key = k.key AND i.status_code = 201) AS recorded
     FROM unnest($2::text[], $3::text[]) AS k(key, kind)`,
    [organizationId, writes.map((w) => w.key), writes.map((w) => w.kind)],
  );
  return new Map((rows as Json[]).map((row) => [row.key as string, { made: row.made as number, recorded: row.recorded as boolean }]));
}

/**
 * Lots that break mass balance: consumed above the quantity, or different from what the events
 * that are not voided took from the lot.
 */
export async function massBalanceBreaches(db: Db, organizationId: string): Promise<Json[]> {
  return db.query(
    `SELECT l.id, l.quantity, l.consumed, coalesce(c.taken, 0) AS taken
     FROM lot l LEFT JOIN (
       SELECT el.lot_id, sum(el.quantity_in_lot_unit) AS taken FROM event_line el JOIN event e ON e.id = el.event_id
       WHERE el.organization_id = $1 AND el.direction = 'input' AND NOT EXISTS (SELECT 1 FROM event v WHERE v.voids_event_id = e.id)
       GROUP BY el.lot_id) c ON c.lot_id = l.id
     WHERE l.organization_id = $1 AND (l.consumed > l.quantity OR l.consumed <> coalesce(c.taken, 0))`,
    [organizationId],
  );
}
