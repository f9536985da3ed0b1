import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { accessKeyIdProblem, flowsVisible } from '../../../src/vscode/catalog/accessKeyShape';

describe('CDP access key ID shape, as typed', () => {
  it('accepts a UUID in either case and with the spaces a paste brings', () => {
    assert.equal(accessKeyIdProblem(randomUUID()), undefined);
    assert.equal(accessKeyIdProblem(` ${randomUUID().toUpperCase()}\n`), undefined);
  });

  it('refuses one hex digit too few or too many, at the boundary of 32', () => {
    const id = '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
    assert.equal(accessKeyIdProblem(id), undefined);
    assert.match(accessKeyIdProblem(id.slice(0, -1)) ?? '', /this one has 31 hex digits/);
    assert.match(accessKeyIdProblem(`${id}e`) ?? '', /this one has 33 hex digits/);
    assert.match(accessKeyIdProblem('0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d') ?? '', /8-4-4-4-12 hex digits with dashes/);
    assert.match(accessKeyIdProblem('0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5g') ?? '', /36 characters/);
  });

  it('says an empty answer needs the ID', () => {
    assert.equal(accessKeyIdProblem('  '), 'Paste the access key ID.');
  });

  it('recognises a private key pasted into the ID box and never repeats it', () => {
    const seed = 'nKq0cV3l7m3QJg1cJm8S9yYc0X3n5iF0j6gQm0dV7xE=';
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ0f\n-----END PRIVATE KEY-----';
    for (const key of [seed, pem]) {
      const problem = accessKeyIdProblem(key) ?? '';
      assert.match(problem, /looks like the private key/);
      assert.ok(!problem.includes(key.slice(5, 20)), 'the message repeats the key');
    }
  });
});

describe('what an access key check says it sees', () => {
  it('gives the exact count when the page is the whole catalog', () => {
    assert.equal(flowsVisible({ flows: [1, 2, 3, 4] }), '4 flows visible');
    assert.equal(flowsVisible({ flows: [1] }), '1 flow visible');
    assert.equal(flowsVisible({ flows: [] }), '0 flows visible (the catalog is empty)');
  });

  it('says "or more" only when there is another page', () => {
    assert.equal(flowsVisible({ flows: new Array(100).fill(0), nextToken: 't' }), '100 or more flows visible');
    assert.equal(flowsVisible({ flows: new Array(100).fill(0) }), '100 flows visible');
  });
});
