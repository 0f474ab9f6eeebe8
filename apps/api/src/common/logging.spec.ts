import { Writable } from 'node:stream';
import pino from 'pino';
import { NestPinoLogger } from './logging';

function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, logger: new NestPinoLogger(pino({ level }, sink)) };
}

describe('NestPinoLogger', () => {
  it('writes a string with its context, as Nest calls it', () => {
    const { lines, logger } = capture();
    logger.log('Nest application successfully started', 'NestApplication');
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'Nest application successfully started', context: 'NestApplication' })]);
  });

  it('merges an object into the line and takes the next string as its text', () => {
    const { lines, logger } = capture();
    logger.warn({ requestId: 'r-1', url: '/projects' }, 'PostgreSQL is unavailable', 'HttpExceptionFilter');
    expect(lines[0]).toMatchObject({ level: 40, msg: 'PostgreSQL is unavailable', requestId: 'r-1', url: '/projects', context: 'HttpExceptionFilter' });
  });

  it('serialises an error under err, and keeps the stack Nest passes to error()', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('boom') }, 'unhandled error', 'HttpExceptionFilter');
    logger.error('failed to start', 'Error: x\n    at main (main.js:1:1)', 'NestApplication');
    logger.error(new Error('thrown'));
    expect(lines[0]).toMatchObject({ level: 50, msg: 'unhandled error', err: expect.objectContaining({ message: 'boom', type: 'Error' }) });
    expect(lines[1]).toMatchObject({ msg: 'failed to start', stack: 'Error: x\n    at main (main.js:1:1)', context: 'NestApplication' });
    expect(lines[2]).toMatchObject({ msg: 'thrown', err: expect.objectContaining({ message: 'thrown' }) });
  });

  it('writes nothing below its level', () => {
    const { lines, logger } = capture('warn');
    logger.log('quiet', 'Ctx');
    logger.debug('quieter', 'Ctx');
    logger.warn('loud', 'Ctx');
    expect(lines.map((l) => l['msg'])).toEqual(['loud']);
  });
});
