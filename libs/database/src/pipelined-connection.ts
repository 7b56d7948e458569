import pg from 'pg';

/**
 * One connection of its own in pipeline mode, opened on first use and again after it drops: what
 * the hot paths' shared reads (hot-path.ts) and the idempotency claims share. Every query sent while
 * the event loop runs one round of callbacks leaves in one write to the socket, and the answers come
 * back together: on a small machine a write to a socket costs more than a short query, so under load
 * a dozen requests' statements cost one system call instead of twelve. A connection that drops
 * fails the queries in flight and is replaced on the next query. With hot-path.ts and
 * transaction.ts, the only place that reaches into node-postgres.
 */
export class PipelinedConnection {
  private client?: Promise<pg.Client>;
  private connected?: pg.Client;
  private corked = false;

  /** `options` as for a pg.Client; pipeline mode is added. */
  constructor(private readonly options: pg.ClientConfig) {}

  /** The connection now open (the one session state, e.g. advisory locks, lives on), if any. */
  current(): pg.Client | undefined {
    return this.connected;
  }

  /** One query's result. */
  async query(config: pg.QueryConfig): Promise<pg.QueryResult> {
    const connecting = this.connection();
    const client = await connecting;
    this.cork(client);
    try {
      return await client.query(config);
    } catch (error) {
      this.forgetIfBroken(connecting, error);
      throw error;
    }
  }

  /**
   * Sends the queries together; answers their results in order, with the connection they ran on.
   * The first failure is thrown once all have settled.
   */
  async pipeline(queries: pg.QueryConfig[]): Promise<{ client: pg.Client; results: pg.QueryResult[] }> {
    const connecting = this.connection();
    const client = await connecting;
    this.cork(client);
    const settled = await Promise.allSettled(queries.map((query) => client.query(query)));
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) {
      this.forgetIfBroken(connecting, failed.reason);
      throw failed.reason;
    }
    return { client, results: settled.map((outcome) => (outcome as PromiseFulfilledResult<pg.QueryResult>).value) };
  }

  async end(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.connected = undefined;
    await (await client?.catch(() => undefined))?.end().catch(() => undefined);
  }

  /** Holds this round's writes back and sends them together once the round ends. */
  private cork(client: pg.Client): void {
    if (this.corked) return;
    const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    stream.cork();
    this.corked = true;
    setImmediate(() => {
      this.corked = false;
      stream.uncork();
    });
  }

  /**
   * The server ending this backend (FATAL), or the socket gone (an error with no SQLSTATE): the
   * connection is done for, even before it reports its end, so the next query connects anew.
   */
  private forgetIfBroken(connecting: Promise<pg.Client>, error: unknown): void {
    const { severity, code } = (error ?? {}) as { severity?: string; code?: string };
    if (severity === 'FATAL' || !code) this.forget(connecting);
  }

  private connection(): Promise<pg.Client> {
    if (!this.client) {
      const client = new pg.Client({ ...this.options, pipeline: true } as pg.ClientConfig);
      const connecting = client.connect().then(() => {
        if (this.client === connecting) this.connected = client;
        return client;
      });
      const forget = () => this.forget(connecting);
      client.on('error', forget);
      client.on('end', forget);
      connecting.catch(forget);
      this.client = connecting;
    }
    return this.client;
  }

  private forget(connecting: Promise<pg.Client>): void {
    if (this.client !== connecting) return;
    this.client = undefined;
    this.connected = undefined;
    void connecting.then((client) => client.end()).catch(() => undefined);
  }
}
