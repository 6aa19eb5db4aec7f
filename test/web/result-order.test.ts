import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultOrder } from '../../web/src/result-order.js';

test('a preview asked for before a full-resolution run is outdated by it; a later one is not', () => {
  const order = new ResultOrder();
  const early = order.ask(); // strokes loaded: preview requested
  assert.equal(order.isNewest(early), true);
  const full = order.ask(); // Full resolution clicked before the preview replied
  assert.equal(order.isNewest(early), false, 'the late preview must not replace the full result');
  assert.equal(order.isNewest(full), true);
  const later = order.ask(); // a stroke painted after the click
  assert.equal(order.isNewest(later), true);
  assert.equal(order.isNewest(full), false);
});
