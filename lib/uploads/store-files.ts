/** Puts checked files in the upload store under fresh keys, and takes them out again if what they belong to is not saved. */
import crypto from "node:crypto";
import type { CheckedFile } from "./check-upload";
import { uploadStore } from "./upload-store";

export interface StoredUpload {
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  storageKey: string;
}

export async function storeFiles(prefix: string, files: CheckedFile[]): Promise<StoredUpload[]> {
  const store = uploadStore();
  const stored: StoredUpload[] = [];
  try {
    for (const file of files) {
      const storageKey = `${prefix}/${crypto.randomUUID()}`;
      await store.put(storageKey, file.bytes, file.contentType);
      stored.push({
        fileName: file.fileName,
        contentType: file.contentType,
        byteSize: file.bytes.byteLength,
        sha256: crypto.createHash("sha256").update(file.bytes).digest("hex"),
        storageKey,
      });
    }
  } catch (error) {
    await removeFiles(stored);
    throw error;
  }
  return stored;
}

export async function removeFiles(files: Pick<StoredUpload, "storageKey">[]): Promise<void> {
  const store = uploadStore();
  await Promise.allSettled(files.map((f) => store.remove(f.storageKey)));
}
