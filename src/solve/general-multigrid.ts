/**
 * A V-cycle for general (non-symmetric) 9-point operators such as Levin et al.'s I − w, on the
 * multigrid hierarchy of an SPD neighbour (the symmetrised Laplacian under the same constraints):
 * Gauss–Seidel on the general operator G itself before (not when the rows are balanced) and
 * after, G's residual restricted, and the coarse correction from the symmetric hierarchy.
 *
 * Why this shape: G and its symmetrised Laplacian differ most at the pixel scale, at edges where
 * w_rs ≠ w_sr, and those errors are what the smoother removes, on G. Using the symmetric V-cycle
 * alone as BiCGStab's preconditioner needed 8 iterations at 1 MP; with G's own smoothing, 3.
 * (Galerkin coarse operators PᵀGP of the non-symmetric operator itself, with Dendy's P from G's
 * rows or its symmetric part and R = Pᵀ or from Gᵀ, made two-grid iterations diverge on real
 * photos: R·G·P loses the diagonal dominance that Gauss–Seidel relies on. Not used.)
 */
import { applyGeneral9x2, type GeneralStencil9, gaussSeidelGeneral9x2 } from './general-stencil9.js';
import { coarseCorrection, type Multigrid, vcycle2 } from './multigrid.js';
import { type GridVector, gridVector32 } from './stencil9.js';
import { arenaOf, wasmResidual2, wasmScale2 } from './wasm/arena.js';

const scratch = new WeakMap<Multigrid, GridVector[]>();

/**
 * Backward Gauss–Seidel sweeps on G per `mg.smoothing` after the balanced cycle's coarse
 * correction (a V(0, 2) cycle on the finest grid; the coarse levels keep `mg.smoothing`). On the
 * benchmark photo BiCGStab then takes 7, 6, 7, 6, 6 iterations at 1, 1.5, 2, 3, 4 MP instead of
 * 10, 9, 11, 10, 9 with one sweep, and the iterations take about a fifth less time (1 MP: 215–240
 * against 270–290 ms; 4 MP: 710 against 925 ms): the second sweep costs less than the three
 * iterations it saves (docs/scribbles.md). A backward-then-forward pair saved less (8 at 1 MP),
 * forward-then-backward less still (9).
 */
export const BALANCED_POST_SWEEPS = 2;

/**
 * z ≈ G⁻¹ b on two channels by one hybrid V-cycle (see the module comment); `mg` is the
 * symmetric hierarchy of an SPD neighbour of G with the same fixed pixels (of diag(rowScale)·G
 * when `rowScale` is given). Not symmetric: a preconditioner for BiCGStab or GMRES.
 *
 * @example
 * ```ts
 * import { buildMultigrid, createGeneralStencil9, createStencil9, gridVector, hybridVcycle2 } from 'colorize-toolkit/internals';
 * const G = createGeneralStencil9(64, 64); G.diag.fill(1); // identity
 * const S = createStencil9(64, 64); S.diag.fill(1);
 * const mg = buildMultigrid(S, new Uint8Array(64 * 64).fill(1));
 * const b = gridVector(64, 64); b.fill(1, G.pad, G.pad + 4096);
 * const z = gridVector(64, 64); const z2 = gridVector(64, 64);
 * hybridVcycle2(mg, G, b, b, z, z2);
 * console.log(z[G.pad]); // 1
 * ```
 */
export function hybridVcycle2(
  mg: Multigrid,
  G: GeneralStencil9,
  b0: GridVector,
  b1: GridVector,
  z0: GridVector,
  z1: GridVector,
  rowScale?: GridVector,
): void {
  const from = G.pad;
  const end = G.pad + G.width * G.height;
  if (mg.levels.length === 1) {
    // `rowScale` (padded): the hierarchy is that of diag(rowScale)·G, so it gets the scaled b.
    if (rowScale) {
      const [r0, r1] = scratchPlanes(mg, G, b0);
      if (!wasmScale2(rowScale, b0, b1, r0, r1, from, end))
        for (let i = from; i < end; i++) {
          r0[i] = b0[i] * rowScale[i];
          r1[i] = b1[i] * rowScale[i];
        }
      vcycle2(mg, r0, r1, z0, z1);
    } else vcycle2(mg, b0, b1, z0, z1);
    return;
  }
  if (rowScale) {
    // Balanced rows: no pre-smoothing, the coarse correction of b itself, then Gauss–Seidel on
    // G (a V(0, ν) cycle on the finest grid). BiCGStab does not need a symmetric preconditioner,
    // and with a hierarchy that sees the walk's drift the pre-smoothing sweep and the residual
    // after it, the two most expensive passes of the cycle, bought no iterations (9 either way
    // at 1 MP, docs/scribbles.md). Without row factors they are what makes the cycle converge.
    // The hierarchy is that of diag(rowScale)·G: the restriction scales b as it reads it
    // (Gauss–Seidel does not see row scaling, so it runs on G as it is). Two backward sweeps
    // after it instead of one ({@link BALANCED_POST_SWEEPS}).
    coarseCorrection(mg, b0, b1, z0, z1, rowScale, true);
    for (let k = 0; k < BALANCED_POST_SWEEPS * mg.smoothing; k++)
      gaussSeidelGeneral9x2(G, z0, z1, b0, b1, true);
    return;
  }
  const [r0, r1] = scratchPlanes(mg, G, b0);
  gaussSeidelGeneral9x2(G, z0, z1, b0, b1, false, true);
  for (let k = 1; k < mg.smoothing; k++) gaussSeidelGeneral9x2(G, z0, z1, b0, b1, false);
  if (!wasmResidual2(G, z0, z1, b0, b1, r0, r1)) {
    applyGeneral9x2(G, z0, z1, r0, r1);
    for (let i = from; i < end; i++) {
      r0[i] = b0[i] - r0[i];
      r1[i] = b1[i] - r1[i];
    }
  }
  coarseCorrection(mg, r0, r1, z0, z1);
  for (let k = 0; k < mg.smoothing; k++) gaussSeidelGeneral9x2(G, z0, z1, b0, b1, true);
}

/** Two finest-grid scratch planes per hierarchy, in the arena `b` lies in where it has one. */
function scratchPlanes(mg: Multigrid, G: GeneralStencil9, b: GridVector): GridVector[] {
  let r = scratch.get(mg);
  if (!r) {
    const arena = arenaOf(b);
    const len = G.width * G.height + 2 * G.pad;
    r = arena
      ? [arena.f32(len), arena.f32(len)]
      : [gridVector32(G.width, G.height), gridVector32(G.width, G.height)];
    scratch.set(mg, r);
  }
  return r;
}
