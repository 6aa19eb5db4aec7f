import {
  checkVideoOptions,
  colorizeFrames,
  decodeVideo,
  encodeFrames,
  probeVideo
} from "./chunk-5VLUYPI7.js";
import {
  flagName,
  optionHelp,
  readImage,
  typeOptionValue,
  validateOptions,
  writeImage
} from "./chunk-YJQATMIZ.js";
import {
  ColorizeError,
  fsProblem
} from "./chunk-QUYJNQPH.js";

// dist/cli/method-flags.js
function allFlags(methods) {
  const seen = /* @__PURE__ */ new Map();
  for (const m of methods)
    for (const f of m.options) {
      const entry = seen.get(flagName(f)) ?? { flag: f, users: [] };
      if (entry.flag.key !== f.key || entry.flag.type !== f.type || entry.flag.flags !== f.flags)
        throw new Error(`${m.name} declares ${f.flags} unlike ${entry.users[0].method} (${entry.flag.flags})`);
      entry.users.push({ method: m.name, flag: f });
      seen.set(flagName(f), entry);
    }
  return [...seen.values()];
}
function sharedFlagHelp(users) {
  const texts = users.map((u) => optionHelp(u.flag));
  if (users.length > 1 && texts.every((t) => t === texts[0]))
    return texts[0];
  return users.map((u, i) => `${u.method}: ${texts[i]}`).join("; ");
}
function declareMethodFlags(cmd, methods) {
  for (const { flag, users } of allFlags(methods))
    cmd.option(flag.flags, sharedFlagHelp(users));
}
function attributeOf(cmd, flag) {
  const o = cmd.options.find((x) => x.flags === flag.flags);
  return o ? o.attributeName() : flag.key;
}
function methodOptions(cmd, method, methods) {
  const raw = cmd.opts();
  const given = {};
  for (const { flag: f, users } of allFlags(methods)) {
    const attr = attributeOf(cmd, f);
    if (cmd.getOptionValueSource(attr) !== "cli")
      continue;
    const own = method.options.find((g) => g.key === f.key && g.flags === f.flags);
    if (!own) {
      const owners = users.map((u) => u.method).join("/");
      throw new ColorizeError(`option ${flagName(f)} belongs to --method ${owners}, not ${method.name}`, "usage");
    }
    given[own.key] = typeOptionValue(own, raw[attr]);
  }
  try {
    return validateOptions(method, given);
  } catch (err) {
    throw withFlagName(err, method);
  }
}
function withFlagName(err, method) {
  if (!(err instanceof ColorizeError))
    return err;
  const m = /^option "([^"]+)"/.exec(err.message);
  const o = m && method.options.find((x) => x.key === m[1]);
  return o ? new ColorizeError(err.message.replace(m[0], `option ${flagName(o)}`), err.kind) : err;
}
function withInputFile(err, files) {
  if (!(err instanceof ColorizeError))
    return err;
  const m = /^([a-z]+)(:? )/.exec(err.message);
  const file = m ? files[m[1]] : void 0;
  if (!m || file === void 0)
    return err;
  return new ColorizeError(`${file}${m[2]}${err.message.slice(m[0].length)}`, err.kind, file);
}

// dist/video/video-io.js
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
var FRAME_PATTERN = /^frame_(\d+)\.png$/i;
async function listFrames(dir) {
  let names;
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    throw new ColorizeError(`${dir}: ${fsProblem(err)}`, "input", dir);
  }
  const frames = names.filter((n) => FRAME_PATTERN.test(n));
  if (frames.length === 0)
    throw new ColorizeError(`${dir} holds no frames named frame_00000.png, frame_00001.png, \u2026`, "input", dir);
  const num = (n) => Number(FRAME_PATTERN.exec(n)[1]);
  return frames.sort((a, b) => num(a) - num(b));
}
async function* readFrameFolder(dir, names, read = {}) {
  for (const n of names)
    yield (await readImage(path.join(dir, n), read)).image;
}
function folderSink(dir, names, overwrite = false) {
  return {
    has: (i) => !overwrite && existsSync(path.join(dir, names(i))),
    read: async (i) => (await readImage(path.join(dir, names(i)))).image,
    write: (i, rgb) => writeImage(path.join(dir, names(i)), rgb)
  };
}
function frameName(i) {
  return `frame_${String(i).padStart(5, "0")}.png`;
}
async function isFolder(p) {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch (err) {
    throw new ColorizeError(`${p}: ${fsProblem(err)}`, "input", p);
  }
}
async function colorizeVideo(input, output, job, events = {}) {
  if (path.resolve(input) === path.resolve(output))
    throw new ColorizeError(`the output ${output} is the input; give another -o`, "usage");
  checkVideoOptions(job);
  if (await isFolder(input)) {
    const names = await listFrames(input);
    await fs.mkdir(output, { recursive: true });
    const stats2 = await colorizeFrames(readFrameFolder(input, names, job.read), folderSink(output, (i) => names[i], job.overwrite), job, events, names.length);
    return { ...stats2, kind: "folder" };
  }
  const info = probeVideo(input);
  if (existsSync(output) && (await fs.stat(output)).isDirectory())
    throw new ColorizeError(`${output} is a folder; a video input needs a video file as output (e.g. out.mp4)`, "usage");
  const parts = `${output}.frames`;
  await fs.mkdir(parts, { recursive: true });
  const stats = await colorizeFrames(decodeVideo(input, info), folderSink(parts, frameName, job.overwrite), job, events, info.frames || void 0);
  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(dir, `.${path.basename(output, path.extname(output))}.tmp-${process.pid}${path.extname(output) || ".mp4"}`);
  let codec;
  try {
    codec = await encodeFrames(parts, tmp, {
      frameRate: info.frameRate,
      audioFrom: info.hasAudio ? input : void 0
    });
    await fs.rename(tmp, output);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fs.rm(parts, { recursive: true, force: true });
  return { ...stats, codec, kind: "container" };
}

export {
  declareMethodFlags,
  methodOptions,
  withFlagName,
  withInputFile,
  colorizeVideo
};
