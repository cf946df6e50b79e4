export { chunkLegalDocument, documentReference, legalLabel } from './legal.chunker.js';
export { chunkProcedure, procedureReference } from './procedure.chunker.js';
export { DEFAULT_CHUNK_OPTIONS } from './chunk.types.js';
export type { Chunk, ChunkOptions, ChunkPath } from './chunk.types.js';
export { enumerateVietnamese, packBalanced, packConsecutive, splitAtSpaces, splitSentences, splitToBudget } from './text-split.js';
