/**
 * What a deliverable may carry: a few files of known kinds, each within the size limit. The
 * kind is read from the file's own bytes, never from the name or the type the browser sent.
 */
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../errors";
import { ALLOWED_UPLOAD_TYPES, MAX_FILES_PER_VERSION, MAX_UPLOAD_MIB } from "./upload-kinds";

export const maxUploadBytes = () => MAX_UPLOAD_MIB * 1024 * 1024;

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface CheckedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Keeps the last path segment, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200);
  return cleaned || "file";
}

const refuse = (message: string) => new AppError("validation_failed", message, { fields: [{ path: "files", message, type: "file" }] });

/** Count and sizes only: callers holding file handles check these before reading any bytes. */
export function checkUploadSizes(files: Array<{ name: string; size: number }>): void {
  if (files.length > MAX_FILES_PER_VERSION) throw refuse(`At most ${MAX_FILES_PER_VERSION} files per submission`);
  const limit = maxUploadBytes();
  for (const file of files) {
    const fileName = cleanFileName(file.name);
    if (file.size === 0) throw refuse(`${fileName} is empty`);
    if (file.size > limit) throw refuse(`${fileName} is larger than ${MAX_UPLOAD_MIB} MB`);
  }
}

export async function checkUploads(files: IncomingFile[]): Promise<CheckedFile[]> {
  checkUploadSizes(files.map((f) => ({ name: f.name, size: f.bytes.byteLength })));
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const fileName = cleanFileName(file.name);
    const detected = await fileTypeFromBuffer(file.bytes);
    if (!detected || !(detected.mime in ALLOWED_UPLOAD_TYPES)) {
      throw refuse(`${fileName} is not a kind of file that can be attached (${Object.values(ALLOWED_UPLOAD_TYPES).join(", ")})`);
    }
    checked.push({ fileName, contentType: detected.mime, bytes: file.bytes });
  }
  return checked;
}
