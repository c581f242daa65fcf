// Reading a file the person chose, to send it to the backend (which reads nothing from disk on
// the page's say-so).

/** A chosen file's bytes as base64 text, in slices so a large file does not overflow the stack. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
