import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { ReadDatabase } from '@app/database';
import { QueueProducer } from '@app/queue';
import { Public } from '../common/auth.decorators.js';

const CHECK_TIMEOUT_MS = 2000;

async function check(work: () => Promise<unknown>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS)));
  try {
    await Promise.race([work(), timeout]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueProducer,
    private readonly reads: ReadDatabase,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready = PostgreSQL and the queue transport (Redis, or PostgreSQL in zero-config mode) answer.
   * Replicas (DATABASE_READ_URLS) are listed as the last check saw them, and never make the process
   * unready: without them the primary answers every read.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, queue] = await Promise.all([check(() => this.dataSource.query('SELECT 1')), check(() => this.queue.ping())]);
    const ok = database === 'ok' && queue === 'ok';
    void reply.status(ok ? 200 : 503);
    const replicas = this.reads.replicated ? { replicas: this.reads.states().map(({ url, up, lagMs }) => ({ url, up, lagMs: Number.isFinite(lagMs) ? lagMs : null })) } : {};
    return { status: ok ? 'ok' : 'not_ready', checks: { database, queue }, ...replicas };
  }
}
