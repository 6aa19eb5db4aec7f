import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { colorizeLevin } from '../../../src/methods/scribbles/levin/levin.js';
import { reduceStrokes, ScribblePreview } from '../../../src/methods/scribbles/levin/preview.js';
import { rasterizeStrokes, strokeCount } from '../../../src/methods/scribbles/strokes.js';
import { psnr } from '../../../src/metrics/psnr.js';
import { REPO_ROOT } from '../../helpers/shared.js';
import { grayOf, scene, simulatedStrokes } from './helpers.js';

test('preview on a reduced grid is close to the full solve and warm-starts', () => {
  const truth = scene(240, 180, 8);
  const gray = grayOf(truth);
  const strokes = simulatedStrokes(truth, 25, 5, 3);
  const full = colorizeLevin(gray, strokes);
  const preview = new ScribblePreview(gray, { maxPixels: 120 * 90 });
  assert.equal(preview.width, 120);
  const first = preview.update(strokes);
  assert.equal(first.rgb.width, 240);
  const q = psnr(first.rgb, full.rgb);
  assert.ok(q > 25, `preview vs full ${q.toFixed(1)} dB`);
  // One more small stroke: the warm start needs fewer iterations than a cold solve.
  const more = rasterizeStrokes([{ points: [200, 20, 210, 30], radius: 3, rgb: [0.2, 0.6, 0.3] }], 240, 180);
  const merged = {
    ...strokes,
    mask: strokes.mask.slice(),
    colors: { ...strokes.colors, channels: strokes.colors.channels.map((c) => c.slice()) },
  };
  for (let i = 0; i < merged.mask.length; i++) {
    if (!more.mask[i]) continue;
    merged.mask[i] = 1;
    for (let c = 0; c < 3; c++) merged.colors.channels[c][i] = more.colors.channels[c][i];
  }
  const warm = preview.update(merged);
  preview.reset();
  const cold = preview.update(merged);
  assert.ok(
    warm.stats.iterations < cold.stats.iterations,
    `warm ${warm.stats.iterations} vs cold ${cold.stats.iterations}`,
  );
});

test('reduced strokes keep majority-covered pixels with their mean colour', () => {
  const s = rasterizeStrokes([{ points: [0, 0, 3, 0], radius: 0.5, rgb: [1, 0, 0] }], 4, 4); // top row
  const r = reduceStrokes(s, 2, 2);
  assert.equal(strokeCount(r), 2); // top half-row of blocks is 50% covered
  assert.equal(r.colors.channels[0][0], 1);
});

test('the preview code path imports no Node-only module', () => {
  const seen = new Set<string>();
  const bad: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*import\s+(?:type\s+)?[^'"]*['"]([^'"]+)['"]/gm)) {
      const spec = m[1];
      if (/^import\s+type/.test(m[0].trim())) continue;
      if (!spec.startsWith('.')) {
        bad.push(`${path.relative(REPO_ROOT, file)} imports ${spec}`);
        continue;
      }
      visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
    }
  };
  visit(path.join(REPO_ROOT, 'src/methods/scribbles/levin/preview.ts'));
  assert.ok(seen.size > 5);
  assert.deepEqual(bad, []);
});
