import { connect, createServer, type Server, type Socket } from 'node:net';

export interface PostgresProxy {
  /** The proxy's database URL: `databaseUrl` with its port. */
  url: string;
  /** Cuts every connection and refuses new ones: PostgreSQL is unreachable until resume(). */
  pause(): void;
  resume(): void;
  /** Refuses new connections of the LISTEN/NOTIFY session (application_name nguon-notifications) only. */
  blockNotifications(blocked: boolean): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of PostgreSQL on a free port, for outage tests: the app is pointed at it and
 * the test cuts it. It reads each connection's startup message (which carries application_name) to
 * be able to keep the notification session from reconnecting while the pool's connections work.
 */
export async function startPostgresProxy(databaseUrl: string): Promise<PostgresProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let paused = false;
  let notificationsBlocked = false;
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (paused) {
      client.destroy();
      return;
    }
    client.once('data', (first) => {
      if (paused || (notificationsBlocked && first.includes('nguon-notifications'))) {
        client.destroy();
        return;
      }
      const upstream = connect(Number(target.port || 5432), target.hostname);
      sockets.add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      upstream.on('error', drop).on('close', () => {
        sockets.delete(upstream);
        drop();
      });
      client.on('close', drop);
      upstream.write(first);
      client.pipe(upstream).pipe(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    pause: () => {
      paused = true;
      for (const socket of sockets) socket.destroy();
    },
    resume: () => {
      paused = false;
    },
    blockNotifications: (blocked) => {
      notificationsBlocked = blocked;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
