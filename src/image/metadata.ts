/**
 * Metadata an output carries over from its input: the EXIF text fields (captions, copyright,
 * artist, dates, camera) and the XMP packet, plus a record that the image was colourised, by which
 * method and options (EXIF Software, and an XMP description in the `colorize` namespace). Pixels
 * are already upright (EXIF orientation applied on reading), so Orientation is not carried.
 */
import exifReader from 'exif-reader';
import { VERSION } from '../version.js';

/** What the decoder found (raw blocks, as sharp reads them). */
export interface SourceMetadata {
  exif?: Buffer;
  xmp?: Buffer;
  iptc?: Buffer;
}

/** What the encoder writes: EXIF fields by IFD (sharp's `withExif` shape) and an XMP packet. */
export interface OutputMetadata {
  exif?: { IFD0?: Record<string, string>; IFD2?: Record<string, string> };
  xmp?: string;
}

/** How a result was made, for the record in its metadata. */
export interface ColourisationRecord {
  software: string;
  method: string;
  options: Record<string, unknown>;
}

/**
 * The record of a colourisation by this toolkit (its version, the method and the options given).
 *
 * @example
 * ```ts
 * import { colourisationRecord } from 'colorize-toolkit/internals';
 * console.log(colourisationRecord('levin', {}).method); // levin
 * ```
 */
export function colourisationRecord(method: string, options: Record<string, unknown>): ColourisationRecord {
  return { software: `colorize-toolkit ${VERSION}`, method, options };
}

/** EXIF fields kept: text a person or camera wrote, by the IFD sharp writes them to. */
const IFD0_TEXT = ['ImageDescription', 'Make', 'Model', 'Artist', 'Copyright', 'DateTime', 'DocumentName'];
const EXIF_TEXT = [
  'DateTimeOriginal',
  'DateTimeDigitized',
  'OffsetTime',
  'OffsetTimeOriginal',
  'LensMake',
  'LensModel',
];

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.replace(/\0+$/, '').trim() || undefined;
  if (v instanceof Date && !Number.isNaN(v.getTime()))
    return v.toISOString().replace(/^(\d+)-(\d+)-(\d+)T(\d+:\d+:\d+).*$/, '$1:$2:$3 $4');
  return undefined;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The record as one rdf:Description of the `colorize` namespace. */
function recordXmp(r: ColourisationRecord): string {
  return (
    `<rdf:Description rdf:about="" xmlns:colorize="https://colorize-toolkit.dev/ns/1.0/">` +
    `<colorize:software>${escapeXml(r.software)}</colorize:software>` +
    `<colorize:method>${escapeXml(r.method)}</colorize:method>` +
    `<colorize:options>${escapeXml(JSON.stringify(r.options))}</colorize:options>` +
    '</rdf:Description>'
  );
}

/**
 * The metadata of an output: the input's EXIF text fields and XMP, and the colourisation record.
 * `notes` receives what could not be kept (an IPTC-IIM block; sharp cannot write one).
 *
 * @example
 * ```ts
 * import { carriedMetadata } from 'colorize-toolkit/internals';
 * const m = carriedMetadata({}, { software: 'colorize-toolkit 0.1.0', method: 'levin', options: {} });
 * console.log(m.exif?.IFD0?.Software, m.xmp?.includes('<colorize:method>levin</colorize:method>')); // colorize-toolkit 0.1.0 true
 * ```
 */
export function carriedMetadata(
  source: SourceMetadata,
  record: ColourisationRecord,
  notes: (text: string) => void = () => {},
): OutputMetadata {
  const IFD0: Record<string, string> = {};
  const IFD2: Record<string, string> = {};
  if (source.exif) {
    try {
      const e = exifReader(source.exif);
      for (const k of IFD0_TEXT) {
        const v = text(e.Image?.[k]);
        if (v) IFD0[k] = v;
      }
      for (const k of EXIF_TEXT) {
        const v = text(e.Photo?.[k]);
        if (v) IFD2[k] = v;
      }
    } catch {
      notes('the input’s EXIF block could not be read, so it was not carried over');
    }
  }
  IFD0.Software = record.software;
  if (!IFD0.ImageDescription) IFD0.ImageDescription = `Colourised with ${record.software} (${record.method})`;
  let xmp = source.xmp?.toString('utf8');
  const description = recordXmp(record);
  if (xmp?.includes('</rdf:RDF>')) xmp = xmp.replace('</rdf:RDF>', `${description}</rdf:RDF>`);
  else {
    if (xmp)
      notes('the input’s XMP packet could not be parsed, so it was replaced by the colourisation record');
    xmp =
      '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${description}</rdf:RDF>` +
      '</x:xmpmeta><?xpacket end="w"?>';
  }
  if (source.iptc)
    notes(
      'the input’s IPTC-IIM block is not written to the output (its fields are usually also in XMP, which is kept)',
    );
  return { exif: Object.keys(IFD2).length ? { IFD0, IFD2 } : { IFD0 }, xmp };
}
