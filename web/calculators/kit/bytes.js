// Bytes and their text forms: base64 both ways (a file's bytes for Python, the offline pack's
// payloads, integrity digests) and gzip (the engine's snapshot, the packed wasm).
export const toBase64 = (bytes) => {
  if (typeof bytes.toBase64 === "function") return bytes.toBase64();
  let text = "";
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(text);
};

export const decodeBase64 = (text) =>
  typeof Uint8Array.fromBase64 === "function"
    ? Uint8Array.fromBase64(text)
    : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const isGzip = (bytes) => bytes[0] === 0x1f && bytes[1] === 0x8b;

// Unzipped with the browser's own DecompressionStream.
export const gunzip = async (bytes) => {
  const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
};
