/** The longest side a report photo is sent at, and its JPEG quality: a few hundred KB from a phone's 12 MP. */
export const longestSide = 1600;
export const jpegQuality = 0.8;

/**
 * A photo made smaller in the browser before it is sent: drawn on a canvas no larger than 1600 px on
 * its longest side and encoded as JPEG at quality 0.8. A photo the browser cannot decode is refused
 * (null); one already small and a JPEG is sent as it is when that is smaller.
 */
export async function compressPhoto(file: File): Promise<{ blob: Blob; name: string } | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const scale = Math.min(1, longestSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  // a transparent PNG turns white, not black, as JPEG
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', jpegQuality));
  if (!blob) return null;
  const name = `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
  if (file.type === 'image/jpeg' && scale === 1 && file.size <= blob.size)
    return { blob: file, name: file.name };
  return { blob, name };
}
