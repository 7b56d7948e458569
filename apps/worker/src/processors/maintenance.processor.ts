import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName, type HealthCheckPayload, type ProgrammeAlertsPayload, type RefreshProgrammeRollupsPayload, type RenderProgrammeReportPayload } from '@app/queue';
import { CaptureService, DomainException, ImportsService, LabelJobRequeuer, ProgrammeAlertsService, ProgrammeReportsService, ProgrammeRollupsService } from '@app/traceability';
import { TrackedWorkerHost, WORKER_NAME } from './tracked-worker-host.js';

/** Small jobs that keep the system healthy. The health check proves the worker path end to end. */
@Processor(QueueName.Maintenance, { name: WORKER_NAME })
export class MaintenanceProcessor extends TrackedWorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly labelJobs: LabelJobRequeuer,
    private readonly imports: ImportsService,
    private readonly alerts: ProgrammeAlertsService,
    private readonly reports: ProgrammeReportsService,
    private readonly captures: CaptureService,
    private readonly rollups: ProgrammeRollupsService,
  ) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.HealthCheck: {
        const payload = job.data as HealthCheckPayload;
        return { status: 'ok', requestedAt: payload.requestedAt, processedAt: new Date().toISOString(), pid: process.pid };
      }
      case JobName.RequeueStuckJobs:
        return { labels: await this.labelJobs.requeueStuck(), imports: await this.imports.requeueUnfinished(), reports: await this.reports.requeueUnfinished(), captures: await this.captures.requeueUnfinished() };
      case JobName.RenderProgrammeReport:
        return this.renderReport(job as Job<RenderProgrammeReportPayload>);
      case JobName.ProgrammeAlerts:
        return this.alerts.compute((job.data as ProgrammeAlertsPayload).day);
      case JobName.RefreshProgrammeRollups: {
        const { months, all } = job.data as RefreshProgrammeRollupsPayload;
        return all ? this.rollups.rebuild() : months?.length ? this.rollups.rebuild(months) : this.rollups.refresh();
      }
      default:
        this.logger.warn(`Unknown maintenance job ${job.name}`);
        return undefined;
    }
  }

  private async renderReport(job: Job<RenderProgrammeReportPayload>): Promise<unknown> {
    try {
      return await this.reports.render(job.data.officeId, job.data.reportId, (percent) => job.updateProgress(percent).catch(() => undefined));
    } catch (error) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // A broken rule never succeeds on retry; anything else is retried, and recorded on the last attempt.
      if (error instanceof DomainException || last) await this.reports.fail(job.data.reportId, error instanceof DomainException ? error.code : 'REPORT_RENDER_FAILED');
      if (error instanceof DomainException) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }

  /** Connection trouble reported by the queue worker (it reconnects by itself): logged, never thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker: ${error.message}`);
  }
}
