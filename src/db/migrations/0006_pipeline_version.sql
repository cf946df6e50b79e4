-- Which version of the analysis (structure, chunking) indexed a document: a folder ingest re-indexes an
-- unchanged file whose chunks an older version made (0: indexed before versions were recorded).
ALTER TABLE documents ADD COLUMN pipeline_version integer NOT NULL DEFAULT 0;
