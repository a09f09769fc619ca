/**
 * Attack: reading the server's internals from its error answers (file paths, library messages,
 * stack traces). Against the running app; every answer must be a stable message with an error id
 * that matches the request id the log lines carry.
 * On the old code `GET /simulator/assets/nope.js` answered `ENOENT: no such file or directory,
 * stat '<absolute path>'` and no answer had an error id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const INTERNALS = /ENOENT|EACCES|stat '|\/work\/|\/node_modules\/|\/tmp\/|at [\w.]+ \(|SyntaxError|Unexpected token|[A-Z]:\\\\/;

async function expectStableError(res: Response, status: number) {
  expect(res.status).toBe(status);
  const text = await res.text();
  expect(text).not.toMatch(INTERNALS);
  const body = JSON.parse(text) as { error: string; errorId: string };
  expect(body.error).toEqual(expect.any(String));
  expect(body.errorId).toBe(res.headers.get('x-request-id'));
  return body;
}

describe('error answers show nothing internal', () => {
  it('a missing simulator asset: 404 with a stable message, no path', async () => {
    const body = await expectStableError(await fetch(`${app.url}/simulator/assets/nope.js`), 404);
    expect(body.error).toBe('Risorsa non trovata.');
  });

  it('a missing vendored file and a path climbing out of the folder: the same', async () => {
    await expectStableError(await fetch(`${app.url}/simulator/vendor/leaflet/nope.js`), 404);
    // serve-static refuses a path that climbs out of its folder with 403.
    await expectStableError(await fetch(`${app.url}/simulator/assets/..%2f..%2fpackage.json`), 403);
  });

  it("malformed JSON: 400 saying so, without the parser's message", async () => {
    const res = await fetch(`${app.url}/api/simulator/chats/sec-err/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": "ciao", ',
    });
    const body = await expectStableError(res, 400);
    expect(body.error).toBe('malformed JSON body');
  });

  it('a body over the limit on the panel login: 413 with a stable message', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(200 * 1024) }),
    });
    const body = await expectStableError(res, 413);
    expect(body.error).toBe('Richiesta troppo grande.');
  });

  it('a client-chosen request id is the error id, so a user can quote it', async () => {
    const res = await fetch(`${app.url}/simulator/assets/nope.css`, { headers: { 'x-request-id': 'support-case-12345' } });
    const body = await expectStableError(res, 404);
    expect(body.errorId).toBe('support-case-12345');
  });
});
