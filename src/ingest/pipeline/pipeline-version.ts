/**
 * Version of the analysis that turns a file into index data (structure, chunks, procedure record).
 * Raise it when a change makes earlier chunks wrong or incomplete: a folder ingest then re-indexes
 * files it would otherwise skip as unchanged.
 *
 * 1: an overview section too long for its overview line (`Cơ quan thực hiện`) gets a chunk of its own.
 */
export const INDEX_PIPELINE_VERSION = 1;
