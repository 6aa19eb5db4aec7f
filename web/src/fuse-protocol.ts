/** Messages of the studio's fused view to its compute worker (web/src/fuse-worker.ts). */
import type { Planes, RasterStroke } from './protocol.js';

export type FuseWorkerRequest =
  | {
      /**
       * The sources that change only with the reference/auto toggles: `sources` is the body of
       * POST /v1/fuse/sources (null: strokes alone); `hints` and the changed fuse options decide
       * the model. `colour`: the photo's colours, for re-colouring (sent once per photo).
       */
      type: 'fuse-sources';
      seq: number;
      sources: ArrayBuffer | null;
      hints: { reference: boolean; auto: boolean };
      options?: Record<string, unknown>;
      colour?: Planes;
    }
  | {
      type: 'fuse-preview';
      seq: number;
      strokes: RasterStroke[];
      /** Re-colour the colour photo (its colours kept away from the strokes) inside the mask strokes. */
      recolour?: { mask: RasterStroke[]; strokeSigma: number; edgeCost: number; feather: number };
    };
