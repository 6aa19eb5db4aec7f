// dist/models/locate.js
import { randomBytes } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// dist/errors.js
var ColorizeError = class extends Error {
  kind;
  file;
  constructor(message, kind = "input", file) {
    super(message);
    this.name = "ColorizeError";
    this.kind = kind;
    this.file = file;
  }
  /** Exit code the command line uses for this error. */
  get exitCode() {
    return this.kind === "usage" ? 2 : 1;
  }
};
function fsProblem(err) {
  const code = err?.code;
  const words = {
    ENOENT: "no such file or folder",
    ELOOP: "a symbolic link loop (a link that leads back to itself)",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "on a read-only file system",
    ENOTDIR: "a part of the path is a file, not a folder",
    EISDIR: "is a folder, not a file",
    EEXIST: "already exists",
    ENOSPC: "no space left on the device",
    ENAMETOOLONG: "the name is too long"
  };
  if (code && words[code])
    return `${words[code]} [${code}]`;
  return err?.message ?? String(err);
}
function invalidOption(name, value, allowed) {
  throw new ColorizeError(`option "${name}" = ${JSON.stringify(value)} is invalid: expected ${allowed}`, "usage");
}
function checkNumber(name, value, min = -Infinity, max = Infinity) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    const range = min === -Infinity && max === Infinity ? "a finite number" : max === Infinity ? `a number \u2265 ${min}` : min === -Infinity ? `a number \u2264 ${max}` : `a number in [${min}, ${max}]`;
    invalidOption(name, value, range);
  }
  return value;
}
function checkInteger(name, value, min = -Infinity, max = Infinity) {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    invalidOption(name, value, `an integer in [${min}, ${max}]`);
  }
  return value;
}
function checkChoice(name, value, allowed) {
  if (typeof value !== "string" || !allowed.includes(value)) {
    invalidOption(name, value, `one of ${allowed.join(", ")}`);
  }
  return value;
}

// dist/models/locate.js
var PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
function modelSearchPaths() {
  const env = process.env.COLORIZE_MODELS;
  const fromEnv = env ? env.split(path.delimiter).filter((p) => p !== "") : [];
  return [...fromEnv, path.join(PROJECT_ROOT, "models"), path.resolve(PROJECT_ROOT, "../shared/models")];
}
function modelCacheDir() {
  return process.env.COLORIZE_MODELS_CACHE ?? path.join(PROJECT_ROOT, "models", "cache");
}
function findModelFile(relative) {
  for (const dir of modelSearchPaths()) {
    const p = path.join(dir, relative);
    if (existsSync(p))
      return p;
  }
  return null;
}
function requireModelFile(relative) {
  const p = findModelFile(relative);
  if (p)
    return p;
  const searched = modelSearchPaths().map((d) => path.join(d, relative));
  throw new ColorizeError(`model file ${relative} not found; looked in: ${searched.join(", ")} (set COLORIZE_MODELS to the folder that holds it)`, "io");
}
async function cachedModelFile(name, build) {
  const dir = modelCacheDir();
  const file = path.join(dir, name);
  const write = async () => {
    let bytes;
    try {
      bytes = await build();
    } catch (err) {
      if (err instanceof ColorizeError)
        throw err;
      throw new ColorizeError(`cannot build the model ${name} from the installed weights (${err?.message ?? err}); check them with: colorize models`, "io");
    }
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => {
      });
      const code = err.code;
      const why = code === "EEXIST" || code === "ENOTDIR" ? "the cache path is a file, not a folder" : fsProblem(err);
      throw new ColorizeError(`model cache ${dir}: cannot write ${name}: ${why} (set COLORIZE_MODELS_CACHE to a writable folder)`, "io", dir);
    }
  };
  rebuilders.set(file, write);
  if (existsSync(file))
    return file;
  await write();
  return file;
}
var rebuilders = /* @__PURE__ */ new Map();
async function rebuildCachedModel(file) {
  const write = rebuilders.get(file);
  if (!write)
    return false;
  await fs.rm(file, { force: true });
  await write();
  return true;
}

export {
  ColorizeError,
  fsProblem,
  invalidOption,
  checkNumber,
  checkInteger,
  checkChoice,
  PROJECT_ROOT,
  modelSearchPaths,
  modelCacheDir,
  findModelFile,
  requireModelFile,
  cachedModelFile,
  rebuildCachedModel
};
