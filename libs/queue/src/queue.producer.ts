import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { closeRedisClients } from './redis-connection.js';
import { JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QueueName, jobId } from './queue.constants.js';

@Injectable()
export class QueueProducer implements OnApplicationShutdown {
  private readonly queues: Record<QueueName, Queue>;
  private readonly logger = new Logger(QueueProducer.name);

  constructor(
    @InjectQueue(QueueName.Labels) labels: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.Imports) imports: Queue,
    @InjectQueue(QueueName.Epcis) epcis: Queue,
    @InjectQueue(QueueName.LotJobs) lotJobs: Queue,
  ) {
    this.queues = { [QueueName.Labels]: labels, [QueueName.Maintenance]: maintenance, [QueueName.Imports]: imports, [QueueName.Epcis]: epcis, [QueueName.LotJobs]: lotJobs };
    for (const queue of Object.values(this.queues)) this.reportErrors(queue);
  }

  /**
   * Connection trouble of a queue (Redis restarting, a Sentinel failover: the client reconnects by
   * itself) is logged, at most one line per queue every 10 s, instead of
   * BullMQ's stack trace of an unhandled error on every retry.
   */
  private reportErrors(queue: Queue): void {
    let lastAt = 0;
    queue.on('error', (error: Error) => {
      if (Date.now() - lastAt < 10_000) return;
      lastAt = Date.now();
      this.logger.warn(`Queue ${queue.name}: ${error.message}`);
    });
  }

  /** Adds a job with a deterministic id: adding the same key twice keeps one job. */
  add<N extends JobName>(name: N, key: string, payload: JobPayloads[N]): Promise<Job> {
    return this.queue(name).add(name, payload, { ...JOB_OPTIONS[name], jobId: jobId(name, key) });
  }

  async getJob(name: JobName, key: string): Promise<Job | undefined> {
    return (await this.queue(name).getJob(jobId(name, key))) ?? undefined;
  }

  queue(name: JobName | QueueName): Queue {
    const queueName = (Object.values(QueueName) as string[]).includes(name) ? (name as QueueName) : JOB_QUEUE[name as JobName];
    return this.queues[queueName];
  }

  /**
   * The Redis clients this process made (a cluster's, shared by the queues) are closed once the
   * queues are: BullMQ leaves a client it was given open.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((queue) => queue.close().catch(() => undefined)));
    await closeRedisClients();
  }

  /** Readiness: the transport answers. Works for both the Redis and the PostgreSQL backend. */
  async ping(): Promise<void> {
    await this.queues[QueueName.Maintenance].getJobCounts('waiting');
  }
}
