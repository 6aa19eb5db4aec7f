import {
  IMAGE_EXTENSIONS
} from "./chunk-YJQATMIZ.js";
import {
  ColorizeError,
  fsProblem
} from "./chunk-QUYJNQPH.js";

// dist/cli/pairing.js
import { promises as fs } from "node:fs";
import path from "node:path";
var ROLE_SUFFIX = /_(truth|target|reference|ref|result|pred|prediction|output|gray|grey|marked|colorized|colourised)$/i;
function pairKey(file) {
  const stem = path.basename(file, path.extname(file));
  return stem.replace(ROLE_SUFFIX, "").toLowerCase();
}
function isImageFile(file) {
  return IMAGE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}
async function listImages(dir) {
  let names;
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    throw new ColorizeError(`${dir}: cannot read folder: ${fsProblem(err)}`, "io", dir);
  }
  return names.filter(isImageFile).sort().map((n) => path.join(dir, n));
}
async function listImagesDeep(dir, recursive) {
  const here = await listImages(dir);
  if (!recursive)
    return here;
  const subs = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => path.join(dir, e.name)).sort();
  const deeper = await Promise.all(subs.map((d) => listImagesDeep(d, true)));
  return [...here, ...deeper.flat()];
}
async function isDirectory(p) {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch (err) {
    throw new ColorizeError(`${p}: ${fsProblem(err)}`, "io", p);
  }
}
function indexByKey(files, prefer) {
  const m = /* @__PURE__ */ new Map();
  for (const f of files) {
    const k = pairKey(f);
    const prev = m.get(k);
    if (prev === void 0 || prefer?.test(path.basename(f)) && !prefer.test(path.basename(prev)))
      m.set(k, f);
  }
  return m;
}

export {
  pairKey,
  listImages,
  listImagesDeep,
  isDirectory,
  indexByKey
};
