/**
 * A minimal, read-only FlatBuffers accessor: tables (through their vtables), scalars, strings,
 * vectors of scalars and vectors of tables, all little-endian. Only what the TensorFlow Lite
 * reader needs; bounds are checked so a truncated or foreign file fails with a clear error
 * instead of reading garbage.
 */
import { ColorizeError } from '../../errors.js';

/** One table in a FlatBuffers byte array. */
export class FbTable {
  private readonly vtable: number;
  private readonly vtableSize: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly view: DataView,
    readonly pos: number,
  ) {
    check(view, pos, 4);
    this.vtable = pos - view.getInt32(pos, true);
    check(view, this.vtable, 4);
    this.vtableSize = view.getUint16(this.vtable, true);
  }

  /** Byte position of field `id` (0-based field number in the schema), or 0 when absent. */
  private field(id: number): number {
    const slot = 4 + 2 * id;
    if (slot + 2 > this.vtableSize) return 0;
    const off = this.view.getUint16(this.vtable + slot, true);
    return off === 0 ? 0 : this.pos + off;
  }

  has(id: number): boolean {
    return this.field(id) !== 0;
  }

  uint8(id: number, dflt = 0): number {
    const p = this.field(id);
    return p ? this.view.getUint8(p) : dflt;
  }

  int8(id: number, dflt = 0): number {
    const p = this.field(id);
    return p ? this.view.getInt8(p) : dflt;
  }

  bool(id: number, dflt = false): boolean {
    const p = this.field(id);
    return p ? this.view.getUint8(p) !== 0 : dflt;
  }

  int32(id: number, dflt = 0): number {
    const p = this.field(id);
    return p ? this.view.getInt32(p, true) : dflt;
  }

  uint32(id: number, dflt = 0): number {
    const p = this.field(id);
    return p ? this.view.getUint32(p, true) : dflt;
  }

  float32(id: number, dflt = 0): number {
    const p = this.field(id);
    return p ? this.view.getFloat32(p, true) : dflt;
  }

  /** A 64-bit integer field as a JavaScript number (exact below 2^53). */
  uint64(id: number, dflt = 0): number {
    const p = this.field(id);
    return p ? Number(this.view.getBigUint64(p, true)) : dflt;
  }

  /** Follows the 32-bit offset stored at field `id`; 0 when absent. */
  private target(id: number): number {
    const p = this.field(id);
    if (!p) return 0;
    const t = p + this.view.getUint32(p, true);
    check(this.view, t, 4);
    return t;
  }

  string(id: number): string | null {
    const t = this.target(id);
    if (!t) return null;
    const n = this.view.getUint32(t, true);
    check(this.view, t + 4, n);
    return new TextDecoder().decode(this.bytes.subarray(t + 4, t + 4 + n));
  }

  table(id: number): FbTable | null {
    const t = this.target(id);
    return t ? new FbTable(this.bytes, this.view, t) : null;
  }

  /** Start and length of a vector field (length 0 when absent). */
  private vector(id: number, elementSize: number): { start: number; length: number } {
    const t = this.target(id);
    if (!t) return { start: 0, length: 0 };
    const length = this.view.getUint32(t, true);
    check(this.view, t + 4, length * elementSize);
    return { start: t + 4, length };
  }

  int32s(id: number): number[] {
    const { start, length } = this.vector(id, 4);
    return Array.from({ length }, (_, i) => this.view.getInt32(start + 4 * i, true));
  }

  float32s(id: number): number[] {
    const { start, length } = this.vector(id, 4);
    return Array.from({ length }, (_, i) => this.view.getFloat32(start + 4 * i, true));
  }

  int64s(id: number): number[] {
    const { start, length } = this.vector(id, 8);
    return Array.from({ length }, (_, i) => Number(this.view.getBigInt64(start + 8 * i, true)));
  }

  /** A [ubyte] vector as a view into the file (no copy). */
  ubytes(id: number): Uint8Array {
    const { start, length } = this.vector(id, 1);
    return this.bytes.subarray(start, start + length);
  }

  tables(id: number): FbTable[] {
    const { start, length } = this.vector(id, 4);
    return Array.from({ length }, (_, i) => {
      const p = start + 4 * i;
      return new FbTable(this.bytes, this.view, p + this.view.getUint32(p, true));
    });
  }
}

function check(view: DataView, pos: number, n: number): void {
  if (pos < 0 || pos + n > view.byteLength) {
    throw new ColorizeError(`flatbuffer offset ${pos} (+${n}) is outside the ${view.byteLength}-byte file`);
  }
}

/** The root table of a FlatBuffers file. */
export function fbRoot(bytes: Uint8Array): FbTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  check(view, 0, 8);
  return new FbTable(bytes, view, view.getUint32(0, true));
}

/** The 4-character file identifier stored after the root offset ("TFL3" for TensorFlow Lite). */
export function fbIdentifier(bytes: Uint8Array): string {
  return bytes.length >= 8 ? String.fromCharCode(...bytes.subarray(4, 8)) : '';
}
