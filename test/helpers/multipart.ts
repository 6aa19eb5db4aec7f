/** Raw multipart/form-data bodies for Fastify's `app.inject` in tests (a PNG file or a text field per part). */

const BOUNDARY = '----colorize-test';

/** The `content-type` header of a body made of {@link formPart}s. */
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** One part: a text field, or with `file` a PNG upload under that file name. */
export function formPart(name: string, body: Buffer | string, file?: string): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n` +
        (file ? 'Content-Type: image/png\r\n' : '') +
        '\r\n',
    ),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
    Buffer.from('\r\n'),
  ]);
}

/** The parts and the closing boundary. */
export function formBody(parts: Buffer[]): Buffer {
  return Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}
