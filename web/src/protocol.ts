/** Messages between the studio page and its compute worker. */
import type { FuseWorkerRequest } from './fuse-protocol.js';
import type { MethodDescription } from './method-description.js';

export interface Planes {
  width: number;
  height: number;
  channels: Float32Array[];
}

export interface RasterStroke {
  points: number[];
  radius: number;
  rgb: [number, number, number];
}

export type WorkerRequest =
  | { type: 'init'; seq: number; gray: Planes }
  | { type: 'preview'; seq: number; strokes: RasterStroke[] }
  | {
      type: 'full';
      seq: number;
      strokes: RasterStroke[];
      /** A scribble method of the catalogue (else Levin et al. with its defaults on `strokes`). */
      method?: string;
      /** The strokes as the CLI's JSON, for `method`. */
      strokesJson?: string;
      /** Option values of `method` the user changed. */
      options?: Record<string, unknown>;
    }
  | {
      type: 'transfer';
      seq: number;
      method: string;
      target: Planes;
      reference: Planes;
      /** Option values by key, as the catalogue declares them (only those the user changed). */
      options?: Record<string, unknown>;
    }
  | { type: 'palette'; seq: number; reference: Planes }
  | { type: 'methods'; seq: number }
  | FuseWorkerRequest;

export type WorkerReply =
  | {
      type: 'image';
      seq: number;
      width: number;
      height: number;
      rgba: Uint8ClampedArray;
      workMs: number;
      note: string;
    }
  | { type: 'empty'; seq: number }
  | { type: 'ok'; seq: number }
  | { type: 'palette'; seq: number; colours: Array<{ hex: string; share: number }> }
  /** The methods the worker runs, described like `GET v1/methods` describes them. */
  | { type: 'methods'; seq: number; methods: MethodDescription[] }
  | { type: 'error'; seq: number; message: string };
