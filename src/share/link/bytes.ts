/**
 * The bytes of a link: raw deflate through the browser's (De)CompressionStream, inflating with a limit; CRC-32;
 * strict base64url.
 */

export async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  const reader = cs.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  await written;
  return concat(...chunks);
}

/**
 * Inflates raw deflate, reading as it goes and stopping once the output passes `limit` bytes: the input goes in
 * small pieces, so the stream never runs far ahead of the reader.
 */
export async function inflateRaw(bytes: Uint8Array, limit: number): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string }> {
  if (typeof DecompressionStream !== 'function') return { ok: false, error: 'this browser cannot read links (it has no DecompressionStream)' };
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stop = false;
  const feeding = (async () => {
    for (let i = 0; i < bytes.length && !stop; i += 1024) await writer.write(bytes.slice(i, i + 1024));
    if (!stop) await writer.close();
  })().catch(() => undefined); // a failure shows on the reading side
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        stop = true;
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return { ok: false, error: `too large inside (it inflates to more than ${limit.toLocaleString('en')} bytes)` };
      }
      chunks.push(value);
    }
  } catch (e) {
    stop = true;
    await writer.abort().catch(() => undefined);
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: /end of (file|stream|input)|unexpected end|truncated/i.test(why) ? 'cut short (the compressed data ends too early)' : `damaged (the compressed data is invalid: ${why})` };
  }
  await feeding;
  return { ok: true, bytes: concat(...chunks) };
}

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zlib's crc32). */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const crcBytes = (c: number): Uint8Array => new Uint8Array([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (left > 1) out += B64[(n >> 6) & 63]!;
    if (left > 2) out += B64[n & 63]!;
  }
  return out;
}

/** Strict base64url (no padding, canonical: unused bits zero); a string says what is wrong. */
export function fromBase64Url(text: string): Uint8Array | string {
  if (text.length === 0) return 'empty (no data after v1=)';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || B64_INDEX[c]! < 0) {
      const ch = text[i] === '=' ? '"=" (padding is not used)' : JSON.stringify(String.fromCodePoint(text.codePointAt(i)!));
      return `not valid base64url: character ${ch} at position ${i + 1}`;
    }
  }
  if (text.length % 4 === 1) return 'cut short (not valid base64url: its length is off by one character)';
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = B64_INDEX[text.charCodeAt(i)]!;
    const b = B64_INDEX[text.charCodeAt(i + 1)]!;
    const c = i + 2 < text.length ? B64_INDEX[text.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < text.length ? B64_INDEX[text.charCodeAt(i + 3)]! : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[at++] = n >> 16;
    if (i + 2 < text.length) out[at++] = (n >> 8) & 0xff;
    if (i + 3 < text.length) out[at++] = n & 0xff;
  }
  const rest = text.length % 4;
  const last = B64_INDEX[text.charCodeAt(text.length - 1)]!;
  if ((rest === 2 && (last & 15) !== 0) || (rest === 3 && (last & 3) !== 0)) return 'damaged (not valid base64url: its last character was changed)';
  return out;
}
