import request from 'supertest';
import type { TestOrganization } from './factories.js';

/** The app's server, or the address of a running API (supertest takes both). */
type Server = Parameters<typeof request>[0];
export type LabelJobBody = Record<string, any>;

const finished = (job: LabelJobBody) => job.status === 'done' || job.status === 'failed';

/**
 * Polls `GET /api/v1/label-jobs/{id}` as a client would until `until` holds (by default: the job is
 * done or failed) and answers the job. `timeoutMs` bounds the wait for a stuck job, to fail with its
 * state rather than at jest's timeout; it is not a measure of speed.
 */
export async function waitForLabelJob(
  server: Server,
  org: TestOrganization,
  id: string,
  options: { until?: (job: LabelJobBody) => boolean; timeoutMs?: number; intervalMs?: number } = {},
): Promise<LabelJobBody> {
  const { until = finished, timeoutMs = 180_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(server).get(`/api/v1/label-jobs/${id}`).set(org.auth);
    if (response.status !== 200) throw new Error(`GET label job ${id}: ${response.status} ${JSON.stringify(response.body)}`);
    if (until(response.body)) return response.body;
    if (Date.now() > deadline) throw new Error(`label job ${id} still ${JSON.stringify({ status: response.body.status, progress: response.body.progress, error: response.body.error })} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `GET /api/v1/label-jobs/{id}/pdf` with the body as a Buffer; the caller checks the status. */
export function downloadLabelPdf(server: Server, org: TestOrganization, id: string) {
  return request(server)
    .get(`/api/v1/label-jobs/${id}/pdf`)
    .set(org.auth)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}
