import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

test('log lines never carry CCCD, phone numbers, e-mails or bearer tokens', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('info', sink);
  logger.info(
    { req: { url: '/v1/chat?q=079201001234', headers: { authorization: 'Bearer abc.def.ghi' } }, note: 'gọi 0912 345 678' },
    'Công dân a@b.vn hỏi về CMND 123456789',
  );
  const output = lines.join('');
  for (const secret of ['079201001234', '0912 345 678', 'a@b.vn', '123456789', 'abc.def.ghi']) {
    assert.ok(!output.includes(secret), `log must not contain ${secret}: ${output}`);
  }
  assert.match(output, /\[CCCD\]/);
  assert.match(output, /\[SĐT\]/);
  assert.match(output, /\[EMAIL\]/);
  assert.match(output, /\[CMND\]/);
});
