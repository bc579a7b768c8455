// Unzipping gzip bytes with the browser's own DecompressionStream (the snapshot, the packed wasm).
export const isGzip = (bytes) => bytes[0] === 0x1f && bytes[1] === 0x8b;

export const gunzip = async (bytes) => {
  const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
};
