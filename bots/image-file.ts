/** Files sent "as a document" that are pictures (uncompressed photos): every channel takes them as a photo. */
const IMAGE_FILE_NAME = /\.(jpe?g|png|webp|gif|heic|heif)$/i;

/** A picture by its declared type or, when the type is missing or generic, by its name; the media store checks the content. */
export function isImageFile(file: { mimeType?: string; fileName?: string }): boolean {
  return Boolean(file.mimeType?.startsWith('image/')) || IMAGE_FILE_NAME.test(file.fileName ?? '');
}
