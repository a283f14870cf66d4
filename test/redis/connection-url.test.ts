import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { formatAddress, parseRedisUrl } from '../../src/redis/connection-url.js';

describe('parseRedisUrl', () => {
  it.each([
    ['redis://localhost', { host: 'localhost', port: 6379, db: 0, tls: false }],
    ['redis://localhost:6380', { host: 'localhost', port: 6380, db: 0, tls: false }],
    ['redis://127.0.0.1:6379/3', { host: '127.0.0.1', port: 6379, db: 3, tls: false }],
    ['redis://localhost:6379/', { host: 'localhost', port: 6379, db: 0, tls: false }],
    ['rediss://cache.example.com:6380/1', { host: 'cache.example.com', port: 6380, db: 1, tls: true }],
    ['REDIS://Host.Example:80', { host: 'Host.Example', port: 80, db: 0, tls: false }],
    ['redis://alice:s3cret@localhost:6379/2', { host: 'localhost', port: 6379, db: 2, tls: false, username: 'alice', password: 's3cret' }],
    ['redis://:s3cret@localhost', { host: 'localhost', port: 6379, db: 0, tls: false, password: 's3cret' }],
    ['redis://s3cret@localhost', { host: 'localhost', port: 6379, db: 0, tls: false, password: 's3cret' }],
    ['redis://alice:@localhost', { host: 'localhost', port: 6379, db: 0, tls: false, username: 'alice', password: '' }],
    ['redis://alice:p%40ss%2Fw%3Ard@localhost', { host: 'localhost', port: 6379, db: 0, tls: false, username: 'alice', password: 'p@ss/w:rd' }],
    ['redis://[::1]:6390/4', { host: '::1', port: 6390, db: 4, tls: false }],
    ['  redis://localhost:6379  ', { host: 'localhost', port: 6379, db: 0, tls: false }],
  ])('%s', (url, spec) => {
    expect(parseRedisUrl(url)).toEqual(spec);
  });

  it.each([
    ['', /is empty/],
    ['localhost:6379', /does not start with redis:\/\/ or rediss:\/\//],
    ['http://localhost:6379', /scheme http:\/\//],
    ['unix:///tmp/redis.sock', /scheme unix:\/\//],
    ['redis://localhost:0', /port 0, and a port is 1-65535/],
    ['redis://localhost:70000', /port 70000/],
    ['redis://localhost:abc', /not a valid URL/],
    ['redis://:6379', /not a valid URL|no host/],
    ['redis://localhost/three', /path \/three.*database number/],
    ['redis://localhost/-1', /path \/-1/],
    ['redis://localhost/1/2', /path \/1\/2/],
    ['redis://localhost/99999999999', /far too large/],
    ['redis://localhost?db=3', /\?options/],
    ['redis://localhost#x', /#fragment/],
    ['redis://alice:%E0%A4%A@localhost', /broken %-escape/],
  ])('refuses %j', (url, message) => {
    let thrown: unknown;
    try {
      parseRedisUrl(url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    const error = thrown as UserError;
    expect(error.message).toMatch(message);
    expect(error.message).toContain(JSON.stringify(url));
    expect(error.nextStep).toBeTruthy();
  });

  it.each([
    [{ host: 'localhost', port: 6379 }, 'localhost:6379'],
    [{ host: '::1', port: 6380 }, '[::1]:6380'],
  ])('formatAddress(%j) = %s', (spec, text) => {
    expect(formatAddress(spec)).toBe(text);
  });
});
