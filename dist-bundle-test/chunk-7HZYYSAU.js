import {
  VERSION,
  formatFromPath,
  writeImage
} from "./chunk-YJQATMIZ.js";
import {
  ColorizeError,
  fsProblem
} from "./chunk-QUYJNQPH.js";

// dist/cli/output.js
import { promises as fs } from "node:fs";
import path from "node:path";

// dist/image/metadata.js
import exifReader from "exif-reader";
function colourisationRecord(method, options) {
  return { software: `colorize-toolkit ${VERSION}`, method, options };
}
var IFD0_TEXT = ["ImageDescription", "Make", "Model", "Artist", "Copyright", "DateTime", "DocumentName"];
var EXIF_TEXT = [
  "DateTimeOriginal",
  "DateTimeDigitized",
  "OffsetTime",
  "OffsetTimeOriginal",
  "LensMake",
  "LensModel"
];
function text(v) {
  if (typeof v === "string")
    return v.replace(/\0+$/, "").trim() || void 0;
  if (v instanceof Date && !Number.isNaN(v.getTime()))
    return v.toISOString().replace(/^(\d+)-(\d+)-(\d+)T(\d+:\d+:\d+).*$/, "$1:$2:$3 $4");
  return void 0;
}
function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function recordXmp(r) {
  return `<rdf:Description rdf:about="" xmlns:colorize="https://colorize-toolkit.dev/ns/1.0/"><colorize:software>${escapeXml(r.software)}</colorize:software><colorize:method>${escapeXml(r.method)}</colorize:method><colorize:options>${escapeXml(JSON.stringify(r.options))}</colorize:options></rdf:Description>`;
}
function carriedMetadata(source, record, notes = () => {
}) {
  const IFD0 = {};
  const IFD2 = {};
  if (source.exif) {
    try {
      const e = exifReader(source.exif);
      for (const k of IFD0_TEXT) {
        const v = text(e.Image?.[k]);
        if (v)
          IFD0[k] = v;
      }
      for (const k of EXIF_TEXT) {
        const v = text(e.Photo?.[k]);
        if (v)
          IFD2[k] = v;
      }
    } catch {
      notes("the input\u2019s EXIF block could not be read, so it was not carried over");
    }
  }
  IFD0.Software = record.software;
  if (!IFD0.ImageDescription)
    IFD0.ImageDescription = `Colourised with ${record.software} (${record.method})`;
  let xmp = source.xmp?.toString("utf8");
  const description = recordXmp(record);
  if (xmp?.includes("</rdf:RDF>"))
    xmp = xmp.replace("</rdf:RDF>", `${description}</rdf:RDF>`);
  else {
    if (xmp)
      notes("the input\u2019s XMP packet could not be parsed, so it was replaced by the colourisation record");
    xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${description}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  }
  if (source.iptc)
    notes("the input\u2019s IPTC-IIM block is not written to the output (its fields are usually also in XMP, which is kept)");
  return { exif: Object.keys(IFD2).length ? { IFD0, IFD2 } : { IFD0 }, xmp };
}

// dist/cli/output.js
async function writeResult(file, rgb, input, carry = null) {
  if (input.alpha && (input.image.width !== rgb.width || input.image.height !== rgb.height)) {
    throw new ColorizeError(`${file}: result size differs from the input; cannot carry alpha over`, "internal");
  }
  const metadata = carry ? carriedMetadata(input.metadata, carry.record, carry.notes) : void 0;
  await writeImage(file, rgb, { alpha: input.alpha, bitDepth: input.bitDepth, metadata });
}
async function refuseInputAsOutput(file, inputs) {
  const out = await fs.stat(file).catch(() => void 0);
  for (const [noun, input] of Object.entries(inputs)) {
    if (input === void 0)
      continue;
    let same = path.resolve(input) === path.resolve(file);
    if (!same && out) {
      const st = await fs.stat(input).catch(() => void 0);
      same = st !== void 0 && st.dev === out.dev && st.ino === out.ino;
    }
    if (same)
      throw new ColorizeError(`${file}: the output would overwrite the ${noun} (${input}); choose another -o`, "usage", file);
  }
}
async function checkOutputPath(file, inputs = {}) {
  formatFromPath(file);
  await refuseInputAsOutput(file, inputs);
  const dir = path.dirname(path.resolve(file));
  try {
    if (!(await fs.stat(dir)).isDirectory())
      throw new Error();
  } catch {
    throw new ColorizeError(`${file}: output folder ${dir} does not exist`, "io", file);
  }
}
function outputPathFor(file, outDir, ext) {
  const stem = path.basename(file, path.extname(file));
  let e = ext ?? path.extname(file).toLowerCase();
  if (![".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff"].includes(e))
    e = ".png";
  return path.join(outDir, stem + e);
}
async function ensureFolder(dir, what) {
  const st = await fs.stat(dir).catch((err) => err.code === "ENOENT" ? void 0 : err);
  if (st instanceof Error)
    throw new ColorizeError(`${dir}: ${what}: ${fsProblem(st)}`, "io", dir);
  if (st && !st.isDirectory())
    throw new ColorizeError(`${dir}: ${what} must be a folder, and this is a file`, "usage", dir);
  if (st)
    return;
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw new ColorizeError(`${dir}: ${what}: cannot create the folder: ${fsProblem(err)}`, "io", dir);
  }
}

export {
  colourisationRecord,
  writeResult,
  checkOutputPath,
  outputPathFor,
  ensureFolder
};
