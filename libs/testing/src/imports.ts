import ExcelJS from 'exceljs';
import request from 'supertest';
import type { TestOrganization } from './factories.js';
import type { TestApp } from './test-app.js';

type Server = TestApp['server'];
 
export type ImportBody = Record<string, any>;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX workbook with one sheet of these rows (exceljs, as Excel would save it). */
export async function xlsxOf(rows: unknown[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows of the first sheet of an XLSX file, as plain values. */
export async function rowsOfXlsx(bytes: Buffer, sheetIndex = 0): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[sheetIndex].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** `POST /api/v1/imports/{kind}` with the file's bytes; the caller checks the status. */
export function uploadImport(server: Server, org: { auth: Record<string, string> }, kind: string, bytes: Buffer, fileName: string, contentType = fileName.endsWith('.csv') ? 'text/csv' : XLSX_CONTENT_TYPE) {
  return request(server).post(`/api/v1/imports/${kind}`).query({ fileName }).set(org.auth).set('content-type', contentType).send(bytes);
}

/** A binary download (template, annotated file) with the body as a Buffer. */
export function downloadBinary(server: Server, org: { auth: Record<string, string> }, path: string) {
  return request(server)
    .get(path)
    .set(org.auth)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

/** Polls `GET /api/v1/imports/{id}` until the commit is done or failed (timeoutMs bounds a stuck job; it is no speed measure). */
export async function waitForImport(server: Server, org: TestOrganization, id: string, timeoutMs = 280_000): Promise<ImportBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(server).get(`/api/v1/imports/${id}`).set(org.auth);
    if (response.status !== 200) throw new Error(`GET import ${id}: ${response.status} ${JSON.stringify(response.body)}`);
    if (response.body.status === 'done' || response.body.status === 'failed') return response.body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${response.body.status} (${response.body.progress} %) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
