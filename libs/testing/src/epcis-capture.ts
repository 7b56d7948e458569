import request from 'supertest';
import type { TestApp } from './test-app.js';

type Server = TestApp['server'];
export type CaptureBody = Record<string, any>;

/** `POST /api/v1/epcis/capture` with a document (and the error behaviour header when given). */
export function postCapture(server: Server, auth: Record<string, string>, document: unknown, behaviour?: string, contentType = 'application/ld+json') {
  const call = request(server).post('/api/v1/epcis/capture').set(auth).set('content-type', contentType);
  if (behaviour) call.set('GS1-Capture-Error-Behaviour', behaviour);
  return call.send(JSON.stringify(document));
}

/** Polls the capture job at `location` until it has finished (timeoutMs bounds a stuck job; it is no speed measure). */
export async function waitForCapture(server: Server, auth: Record<string, string>, location: string, timeoutMs = 280_000): Promise<CaptureBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(server).get(location).set(auth);
    if (response.status !== 200) throw new Error(`GET ${location}: ${response.status} ${JSON.stringify(response.body)}`);
    if (!response.body.running) return response.body;
    if (Date.now() > deadline) throw new Error(`capture ${location} still ${response.body.status} (${response.body.progress} %) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Captures a document and waits for its job: the finished job. */
export async function capture(server: Server, auth: Record<string, string>, document: unknown, behaviour?: string): Promise<CaptureBody> {
  const response = await postCapture(server, auth, document, behaviour);
  if (response.status !== 202) throw new Error(`capture: ${response.status} ${JSON.stringify(response.body)}`);
  return waitForCapture(server, auth, response.headers.location);
}

/** The events of an EPCISQueryDocument as an EPCISDocument to capture. */
export function asEpcisDocument(queryDocument: CaptureBody): CaptureBody {
  return {
    '@context': queryDocument['@context'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: queryDocument.creationDate,
    epcisBody: { eventList: queryDocument.epcisBody.queryResults.resultsBody.eventList },
  };
}
