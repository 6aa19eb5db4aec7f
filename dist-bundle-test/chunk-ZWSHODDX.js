import {
  ColorizeError,
  rebuildCachedModel
} from "./chunk-QUYJNQPH.js";

// dist/models/runtime.js
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
var ortPromise = null;
var sessions = /* @__PURE__ */ new Map();
function ortLeftoverFile(pid) {
  return path.join(tmpdir(), `mat-debug-${pid}.log`);
}
async function loadOrt() {
  ortPromise ??= import("onnxruntime-node").then((ort) => {
    process.once("exit", () => rmSync(ortLeftoverFile(process.pid), { force: true }));
    return ort;
  }, (e) => {
    ortPromise = null;
    throw new ColorizeError(`cannot load onnxruntime-node (${e.message}); run npm install`, "internal");
  });
  return ortPromise;
}
function modelError(file, err) {
  if (err instanceof ColorizeError)
    return err;
  const msg = (err?.message ?? String(err)).split("\n")[0].replace(/^Load model from .* failed:/, "");
  return new ColorizeError(`${file}: not a usable ONNX model (${msg.trim()})`, "io", file);
}
async function onnxSession(file, tuning = {}) {
  const spinning = tuning.spinning ?? true;
  const memPattern = tuning.memPattern ?? true;
  const key = `${file}${spinning ? "" : "\0no-spin"}${memPattern ? "" : "\0no-mem-pattern"}`;
  let s = sessions.get(key);
  if (!s) {
    s = loadOrt().then(async (ort) => {
      const create = () => ort.InferenceSession.create(file, {
        graphOptimizationLevel: "all",
        ...memPattern ? {} : { enableMemPattern: false },
        ...spinning ? {} : { extra: { session: { intra_op: { allow_spinning: "0" } } } }
      });
      try {
        return await create();
      } catch (err) {
        if (await rebuildCachedModel(file)) {
          try {
            return await create();
          } catch (again) {
            throw modelError(file, again);
          }
        }
        throw modelError(file, err);
      }
    });
    s.catch(() => sessions.delete(key));
    sessions.set(key, s);
  }
  return s;
}

export {
  ortLeftoverFile,
  loadOrt,
  onnxSession
};
