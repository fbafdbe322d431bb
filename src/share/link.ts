/**
 * Share links: the whole scenario plus the view (language, speed, selected preset, time position) in a compact,
 * versioned URL fragment, `#v1=<payload>`. Opening the link reproduces the same run at the same moment.
 *
 * Versions: the fragment says its version (`v1=`); decoding dispatches on it and every version ever written keeps
 * its decoder (tests/share/link.test.ts pins v1 link strings). A new layout gets a new number; v1 never changes.
 *
 * v1 payload: base64url (no padding, canonical) of `crc32(json) (4 bytes, big-endian) ++ deflateRaw(json)`, where
 * `json` is UTF-8 JSON of one object:
 *   `{"p": presetId, "seed"?: n, "v": view}`  the scenario is that preset exactly (with this seed, if given), or
 *   `{"s": scenario, "v": view}`              any other scenario, whole;
 *   view: `{"lang": "en"|"zh", "speed": x, "preset": id|null, "tick"?: n, "t"?: seconds}`.
 * The checksum catches a link that was cut short or changed (raw deflate has none of its own).
 *
 * Decoding is safe on hostile input and never throws: the fragment is at most LINK_LIMIT characters, inflating stops
 * past JSON_LIMIT bytes (a zip bomb neither hangs nor fills memory), and every failure is an `{ok:false, errors}`
 * with messages that name the problem. Names and texts inside are data: nothing is evaluated or parsed as markup.
 *
 * The parts are in link/: what a link holds and its limits (content.ts), encode.ts, decode.ts, and the bytes:
 * deflate, CRC-32, base64url (bytes.ts).
 */
export type { Lang, LinkDecoded, LinkEncoded, LinkProblem, LinkRefused, SharedRun, ShareView } from './link/content';
export { JSON_LIMIT, LINK_LIMIT, LINK_VERSION } from './link/content';
export { encodeLink, presetMatching, withFragment } from './link/encode';
export { cleanFragment, decodeLink } from './link/decode';
export { crc32, fromBase64Url, toBase64Url } from './link/bytes';
