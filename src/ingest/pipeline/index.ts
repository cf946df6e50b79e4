export { analyzeDocument } from './analyze-document.js';
export type { AnalyzedDocument, AnalyzeInput, AnalyzeOptions, DocumentStructure } from './analyze-document.js';
export { toIndexData } from './index-data.js';
export { SourceHintsReader, sidecarNames } from './source-hints.js';
export type { SourceHints } from './source-hints.js';
