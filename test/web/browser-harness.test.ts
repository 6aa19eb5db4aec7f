/**
 * The browser harness itself: a studio that never becomes ready makes openStudio fail, with the
 * server and chromium it started closed, so a failed `before` hook fails its file instead of
 * keeping the test process alive.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { browserSkipReason, openStudio } from './browser.js';

const skip = browserSkipReason();

const held = () => {
  const kinds = process.getActiveResourcesInfo();
  return {
    servers: kinds.filter((k) => k === 'TCPServerWrap').length,
    processes: kinds.filter((k) => k === 'ProcessWrap').length,
  };
};

describe('openStudio', { skip, timeout: 60_000 }, () => {
  test('closes what it started when the page never becomes ready', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'colorize-no-studio-'));
    try {
      const before = held();
      await assert.rejects(openStudio({ studioDir: empty }, 2_000), /Timeout/i);
      assert.deepEqual(held(), before);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
