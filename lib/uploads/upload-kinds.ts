/** What a deliverable version may carry, shared by the upload check and the form that explains it. */
export const ALLOWED_UPLOAD_TYPES: Record<string, string> = {
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/webp": "WebP image",
  "image/gif": "GIF image",
  "video/mp4": "MP4 video",
  "video/quicktime": "QuickTime video",
  "application/pdf": "PDF document",
};

/** For the file picker only; the server reads the kind from the bytes. */
export const ALLOWED_UPLOAD_EXTENSIONS = ".png,.jpg,.jpeg,.webp,.gif,.mp4,.mov,.pdf";

export const MAX_FILES_PER_VERSION = 5;
/** Per file; next.config.mjs lets a form carry five of them. */
export const MAX_UPLOAD_MIB = 20;
