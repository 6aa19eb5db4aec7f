/**
 * The static sources of the fused preview on the wire (`POST /v1/fuse/sources` → the studio's
 * worker): one binary body, a little-endian uint32 length, a JSON header naming each typed array
 * (its type, byte offset and length), then the arrays, each aligned to 4 bytes. Browser-safe.
 */
import type { ColorDistribution } from '../automatic/cnn-tv/candidates.js';
import type { ExemplarCandidates } from '../exemplar/superpixel/exemplar-candidates.js';
import type { FuseStaticSources } from './preview.js';

type Typed = Float32Array | Int32Array;
interface Header {
  version: 1;
  dist?: { width: number; height: number; binCount: number };
  exemplar?: Omit<ExemplarCandidates, 'labels' | 'a' | 'b' | 'weight' | 'fusedA' | 'fusedB'>;
  arrays: Record<string, { type: 'f32' | 'i32'; offset: number; length: number }>;
  notices: string[];
}

/** MIME type of the encoded sources. */
export const FUSE_SOURCES_MIME = 'application/vnd.colorize.fuse-sources';

/**
 * Encodes the sources (and the notices of their computation).
 *
 * @example
 * ```ts
 * import { decodeFuseSources, encodeFuseSources } from 'colorize-toolkit/internals';
 * const bytes = encodeFuseSources({});
 * console.log(decodeFuseSources(bytes).dist); // undefined
 * ```
 */
export function encodeFuseSources(s: FuseStaticSources, notices: string[] = []): Uint8Array {
  const arrays: Array<[string, Typed]> = [];
  const header: Header = { version: 1, arrays: {}, notices };
  if (s.dist) {
    const d = s.dist;
    header.dist = { width: d.width, height: d.height, binCount: d.bins.count };
    arrays.push(
      ['dist.probs', d.probs],
      ['bins.a', d.bins.a],
      ['bins.b', d.bins.b],
      ['bins.cellToBin', d.bins.cellToBin],
    );
  }
  if (s.exemplar) {
    const { labels, a, b, weight, fusedA, fusedB, ...rest } = s.exemplar;
    header.exemplar = rest;
    arrays.push(
      ['ex.labels', labels],
      ['ex.a', a],
      ['ex.b', b],
      ['ex.weight', weight],
      ['ex.fusedA', fusedA],
      ['ex.fusedB', fusedB],
    );
  }
  let offset = 0;
  for (const [name, arr] of arrays) {
    header.arrays[name] = { type: arr instanceof Int32Array ? 'i32' : 'f32', offset, length: arr.length };
    offset += arr.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = 4 + Math.ceil(json.length / 4) * 4;
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  for (const [name, arr] of arrays)
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), start + header.arrays[name].offset);
  return out;
}

/** Decodes {@link encodeFuseSources}' bytes (copies nothing but the header). */
export function decodeFuseSources(bytes: Uint8Array): FuseStaticSources & { notices: string[] } {
  if (bytes.byteLength < 4) throw new RangeError('fuse sources: the body is too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jl = view.getUint32(0, true);
  if (4 + jl > bytes.byteLength) throw new RangeError('fuse sources: the header is cut short');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + jl))) as Header;
  if (header.version !== 1) throw new RangeError(`fuse sources: unknown version ${header.version}`);
  const start = 4 + Math.ceil(jl / 4) * 4;
  // The arrays must be 4-byte aligned in memory: copy once if the body is not.
  const base = (bytes.byteOffset + start) % 4 === 0 ? bytes : bytes.slice();
  const baseOff = base === bytes ? bytes.byteOffset + start : start;
  const limit = base === bytes ? bytes.byteOffset + bytes.byteLength : base.byteLength;
  const get = <T extends Typed>(name: string): T => {
    const e = header.arrays[name];
    if (!e) throw new RangeError(`fuse sources: ${name} is missing`);
    const off = baseOff + e.offset;
    if (off + e.length * 4 > limit) throw new RangeError(`fuse sources: ${name} is cut short`);
    return (
      e.type === 'i32'
        ? new Int32Array(base.buffer, off, e.length)
        : new Float32Array(base.buffer, off, e.length)
    ) as T;
  };
  const out: FuseStaticSources & { notices: string[] } = { notices: header.notices ?? [] };
  if (header.dist) {
    const dist: ColorDistribution = {
      width: header.dist.width,
      height: header.dist.height,
      probs: get<Float32Array>('dist.probs'),
      bins: {
        count: header.dist.binCount,
        a: get<Float32Array>('bins.a'),
        b: get<Float32Array>('bins.b'),
        cellToBin: get<Int32Array>('bins.cellToBin'),
      },
    };
    out.dist = dist;
  }
  if (header.exemplar)
    out.exemplar = {
      ...header.exemplar,
      labels: get<Int32Array>('ex.labels'),
      a: get<Float32Array>('ex.a'),
      b: get<Float32Array>('ex.b'),
      weight: get<Float32Array>('ex.weight'),
      fusedA: get<Float32Array>('ex.fusedA'),
      fusedB: get<Float32Array>('ex.fusedB'),
    };
  return out;
}
