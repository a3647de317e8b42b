// Test helpers for imports: upload a real file body, start it, run the worker, read the result back over the API.
import type { TestApp } from '../../../test/test-app.js';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function upload(t: TestApp, body: Buffer | string, type: string, query = 'object=contacts', headers = t.admin) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports?${query}`, headers: { ...headers, 'content-type': type }, payload: body });
  return { status: res.statusCode, body: res.json() };
}

/** Starts an uploaded import, drains the job queue and answers the finished import. */
export async function runImportToEnd(t: TestApp, id: string, start: Record<string, unknown> = {}) {
  const started = await t.json('POST', `/api/v1/imports/${id}/start`, t.admin, start);
  if (started.status !== 202) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
  await t.app.worker.drain();
  return (await t.json('GET', `/api/v1/imports/${id}`, t.admin)).body;
}

export async function contactsMatching(t: TestApp, q: string) {
  return (await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent(q)}&limit=100`, t.admin)).body.data as any[];
}
