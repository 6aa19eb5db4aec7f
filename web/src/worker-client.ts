/**
 * Promise wrapper over a compute worker. `latest` requests (the live preview) are coalesced: while
 * one runs, only the newest waiting one is kept, so the preview follows the pen without a backlog.
 */
import type { WorkerReply, WorkerRequest } from './protocol.js';

type Pending = { resolve(r: WorkerReply): void; reject(e: Error): void };
type Req = WorkerRequest extends infer R ? (R extends { seq: number } ? Omit<R, 'seq'> : never) : never;

export class WorkerClient {
  private readonly worker: Worker;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private busyLatest = false;
  private queuedLatest: { req: Req; transfer: Transferable[]; p: Pending } | null = null;

  constructor() {
    this.worker = new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = this.pending.get(e.data.seq);
      if (!p) return;
      this.pending.delete(e.data.seq);
      if (e.data.type === 'error') p.reject(new Error(e.data.message));
      else p.resolve(e.data);
    };
  }

  request(req: Req, transfer: Transferable[] = []): Promise<WorkerReply> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ ...req, seq } as WorkerRequest, transfer);
    });
  }

  /** Like request, but a newer call replaces an older one still waiting (it resolves to null). */
  latest(req: Req, transfer: Transferable[] = []): Promise<WorkerReply | null> {
    return new Promise((resolve, reject) => {
      const p: Pending = { resolve, reject };
      if (this.busyLatest) {
        this.queuedLatest?.p.resolve(null as unknown as WorkerReply);
        this.queuedLatest = { req, transfer, p };
        return;
      }
      this.runLatest(req, transfer, p);
    });
  }

  private runLatest(req: Req, transfer: Transferable[], p: Pending): void {
    this.busyLatest = true;
    const done = () => {
      this.busyLatest = false;
      const next = this.queuedLatest;
      this.queuedLatest = null;
      if (next) this.runLatest(next.req, next.transfer, next.p);
    };
    this.request(req, transfer).then(
      (r) => {
        p.resolve(r);
        done();
      },
      (e: Error) => {
        p.reject(e);
        done();
      },
    );
  }
}
