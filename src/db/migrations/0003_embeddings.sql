-- Dense vectors of chunks, one per chunk and model (the model id is stored so a model change is
-- detected and the vectors re-made). Dimensions depend on the model; the HNSW index for a model is
-- created by the service with the model's dimensions (see chunk-embedding.repository.ts).
CREATE TABLE chunk_embeddings (
  chunk_id bigint NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
  model text NOT NULL,
  embedding vector NOT NULL,
  PRIMARY KEY (chunk_id, model)
);
