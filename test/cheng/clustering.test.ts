// Algorithm 3 of Deep Colorization (adaptive image clustering) as a per-cluster hierarchy:
// N^{l+1} = size(Λ_(i,l)) / μ clusters below every cluster (i, l), of the images it keeps.
// 1. training/cheng/clustering.py (the code train.py runs) on a synthetic set whose hierarchy is
//    worked out by hand (scripts/make-cheng-hierarchy-fixture.py → test/fixtures/cheng-hierarchy.json);
// 2. the same invariants on the committed ensemble (models/cheng/model.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadChengModel } from '../../src/methods/automatic/cheng/model.js';

interface Node {
  name: string;
  layer: number;
  parent: string | null;
  images: number;
  removed: number;
}

/** Problems with `nodes` as an Algorithm 3 hierarchy (empty when it is one). */
function alg3Problems(nodes: Node[], mu: number, n0: number, total: number, maxDepth = 6): string[] {
  const out: string[] = [];
  const top = nodes.filter((n) => n.parent === null);
  if (top.length !== Math.min(n0, total)) out.push(`${top.length} clusters on layer 0, expected N⁰ = ${n0}`);
  const topImages = top.reduce((s, n) => s + n.images, 0);
  if (topImages !== total) out.push(`layer 0 holds ${topImages} images, expected all ${total}`);
  for (const n of nodes) {
    const kids = nodes.filter((c) => c.parent === n.name);
    const left = n.images - n.removed;
    if (n.removed < 0 || n.removed > n.images) out.push(`${n.name}: removed ${n.removed} of ${n.images}`);
    for (const c of kids)
      if (c.layer !== n.layer + 1) out.push(`${c.name}: layer ${c.layer} under layer ${n.layer}`);
    if (kids.length > 0) {
      const k = Math.floor(left / mu);
      // k-means may leave a cluster empty: at most k children, all of Λ_(i,l) among them.
      if (kids.length > k || kids.length < 1)
        out.push(`${n.name}: ${kids.length} clusters below, N = ${left}/${mu} → ${k}`);
      const sum = kids.reduce((s, c) => s + c.images, 0);
      if (sum !== left) out.push(`${n.name}: clusters below hold ${sum} images, Λ_(i,l) has ${left}`);
      if (n.removed === 0) out.push(`${n.name}: split although no image was removed`);
    } else if (left >= mu && n.removed > 0 && n.layer + 1 < maxDepth) {
      out.push(`${n.name}: keeps ${left} ≥ μ = ${mu} images but has no layer below`);
    }
  }
  return out;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/cheng-hierarchy.json', import.meta.url), 'utf8'),
) as { mu: number; n0: number; images: number; nodes: Node[] };

describe('Deep Colorization Algorithm 3 (per-cluster hierarchy)', () => {
  it('builds the hierarchy worked out by hand on the synthetic set', () => {
    // See the docstring of scripts/make-cheng-hierarchy-fixture.py for the hand computation.
    const expected = [
      ['c0-0', 0, null, 25, 5],
      ['c0-1', 0, null, 12, 0],
      ['c0-2', 0, null, 40, 8],
      ['c0-0.0', 1, 'c0-0', 10, 0],
      ['c0-0.1', 1, 'c0-0', 10, 0],
      ['c0-2.0', 1, 'c0-2', 12, 2],
      ['c0-2.1', 1, 'c0-2', 10, 0],
      ['c0-2.2', 1, 'c0-2', 10, 0],
      ['c0-2.0.0', 2, 'c0-2.0', 10, 10],
    ];
    assert.deepEqual(
      fixture.nodes.map((n) => [n.name, n.layer, n.parent, n.images, n.removed]),
      expected,
    );
    assert.deepEqual(alg3Problems(fixture.nodes, fixture.mu, fixture.n0, fixture.images), []);
  });

  it('rejects the flat re-clustering of pooled leftovers (the previous reading of line 12)', () => {
    // Leftovers of A and C pooled (20 + 32 = 52) and re-clustered into 52/10 = 5 clusters.
    const flat: Node[] = [
      ...fixture.nodes.filter((n) => n.layer === 0),
      ...[0, 1, 2, 3, 4].map((j) => ({
        name: `c1-${j}`,
        layer: 1,
        parent: null,
        images: j < 2 ? 11 : 10,
        removed: 0,
      })),
    ];
    assert.ok(alg3Problems(flat, fixture.mu, fixture.n0, fixture.images).length > 0);
    // A cluster that keeps ≥ μ images after removals but is not split is caught too.
    const cut = fixture.nodes.filter((n) => n.parent !== 'c0-2');
    assert.ok(
      alg3Problems(cut, fixture.mu, fixture.n0, fixture.images).some((p) => p.includes('no layer below')),
    );
  });

  it('holds for the committed ensemble (models/cheng/model.json)', () => {
    const { meta } = loadChengModel();
    const c = meta.clustering as { mu: number; n0: number; alpha: number; N_w: number };
    const nodes = (meta.clusters as Array<Node & { network: string }>).map((n) => ({
      ...n,
      name: n.network,
    }));
    // Eq. 3 with the recorded α, N_w and N_s.
    assert.equal(c.mu, Math.round((c.alpha * c.N_w) / Number(meta.samplesPerImage)));
    assert.equal(c.n0, 24);
    assert.deepEqual(alg3Problems(nodes, c.mu, c.n0, Number(meta.trainingImages)), []);
  });
});
