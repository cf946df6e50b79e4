export { FileBlobStore, sha256Of } from './blob.store.js';
export type { BlobStore } from './blob.store.js';
