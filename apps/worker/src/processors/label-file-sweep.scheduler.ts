import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LabelFileSweeper } from '@app/traceability';

const SWEEP_EVERY_MS = 60_000;

/**
 * Removes the partial label files that no render will finish, when the worker starts and every
 * minute after. Local to each worker: its STORAGE_DIR may be a disk of its own.
 */
@Injectable()
export class LabelFileSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LabelFileSweepScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly sweeper: LabelFileSweeper) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    try {
      await this.sweeper.sweep();
    } catch (error) {
      this.logger.warn(`Could not clean abandoned label files: ${(error as Error).message}`);
    }
  }
}
