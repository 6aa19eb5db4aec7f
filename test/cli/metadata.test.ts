/**
 * Issue 22: archive copies keep the input's captions, copyright and dates (EXIF text fields and
 * XMP) and record that they were colourised, by which method and options; --strip-metadata opts
 * out. Read back with exif-reader and sharp, not with our own writer.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

const dir = mkdtempSync(path.join(tmpdir(), 'colorize-metadata-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const XMP =
  '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Harbour, 1931</rdf:li>' +
  '</rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

describe('metadata of outputs', () => {
  it('keeps EXIF captions, copyright, dates and the XMP, and records the colourisation; --strip-metadata drops them', async () => {
    const input = path.join(dir, 'scan.jpg');
    await sharp(dataPath('exemplar', '004_target.png'))
      .withExif({
        IFD0: {
          ImageDescription: 'Harbour at dawn',
          Artist: 'A. Photographer',
          Copyright: '(c) 1931 Archive',
        },
        IFD2: { DateTimeOriginal: '1931:06:01 05:30:00' },
      })
      .withXmp(XMP)
      .jpeg({ quality: 95 })
      .toFile(input);
    const ref = dataPath('exemplar', '004_reference.png');
    for (const ext of ['png', 'jpg']) {
      const out = path.join(dir, `out.${ext}`);
      const r = await runCli(['transfer', input, ref, '-o', out, '--method', 'welsh', '--samples', '30']);
      assert.equal(r.code, 0, r.stderr);
      const meta = await sharp(out).metadata();
      assert.ok(meta.exif, `${ext}: EXIF written`);
      const e = exifReader(meta.exif);
      assert.equal(e.Image?.ImageDescription, 'Harbour at dawn', ext);
      assert.equal(e.Image?.Artist, 'A. Photographer', ext);
      assert.equal(e.Image?.Copyright, '(c) 1931 Archive', ext);
      assert.match(String(e.Image?.Software), /^colorize-toolkit /, ext);
      const taken = e.Photo?.DateTimeOriginal as unknown as Date;
      assert.equal(taken.toISOString().slice(0, 19), '1931-06-01T05:30:00', ext);
      const xmp = meta.xmp?.toString('utf8') ?? '';
      assert.match(xmp, /Harbour, 1931/, `${ext}: the input's XMP kept`);
      assert.match(xmp, /<colorize:method>welsh<\/colorize:method>/);
      assert.match(xmp, /<colorize:options>\{&quot;samples&quot;:30\}<\/colorize:options>/);
    }
    const stripped = path.join(dir, 'stripped.png');
    const r = await runCli(['--strip-metadata', 'transfer', input, ref, '-o', stripped, '--method', 'welsh']);
    assert.equal(r.code, 0, r.stderr);
    const meta = await sharp(stripped).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
  });
});
