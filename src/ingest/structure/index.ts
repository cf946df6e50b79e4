export { findDocumentNumbers, extractDocumentNumbers } from './document-number.js';
export type { DocumentNumberMatch } from './document-number.js';
export { parseLegalDocument, parseArticleBody, POINT_LETTERS } from './legal.parser.js';
export { parseLegalMetadata, titleFromHeading } from './legal-metadata.parser.js';
export { LEGAL_DOCUMENT_KINDS } from './legal.types.js';
export type {
  LegalArticle,
  LegalClause,
  LegalDivision,
  LegalDivisionLevel,
  LegalDocumentKind,
  LegalMetadata,
  LegalMetadataHints,
  LegalPoint,
  ParsedLegalDocument,
} from './legal.types.js';
export {
  COPY_TYPES,
  PROCEDURE_DOCUMENT_KINDS,
  PROCEDURE_SECTION_KEYS,
  PROCEDURE_SECTION_TITLES,
  SUBMISSION_CHANNELS,
  durationSchema,
  feeSchema,
  legalBasisSchema,
  procedureRecordSchema,
  procedureSectionKeySchema,
  procedureSectionSchema,
  procedureStepSchema,
  requiredDocumentSchema,
  submissionChannelSchema,
} from './procedure.types.js';
export type {
  CopyType,
  LegalBasis,
  ProcedureDuration,
  ProcedureFee,
  ProcedureRecord,
  ProcedureSection,
  ProcedureSectionKey,
  ProcedureStep,
  RequiredDocument,
  SubmissionChannel,
} from './procedure.types.js';
export { parseNationalProcedure, parseNationalLegalBasis, parseNationalSteps, cleanNationalResult } from './national-procedure.parser.js';
export type { NationalProcedureSource } from './national-procedure.parser.js';
export { parseNationalChannels } from './national-channels.parser.js';
export { parseNationalDocuments, splitAttachments, splitListedItems } from './national-documents.parser.js';
export {
  parseProvincialProcedure,
  parseProvincialHeader,
  parseProvincialSteps,
  splitProvincialSections,
} from './provincial-procedure.parser.js';
export type { ProvincialProcedureHints } from './provincial-procedure.parser.js';
export { parseProvincialDossier, classifyDossierLine } from './provincial-documents.parser.js';
export type { ProvincialDossier, DossierLineKind } from './provincial-documents.parser.js';
export { describeDocument, extractCopyTypes, extractFormCodes, findAlternatives, splitCondition } from './required-document.js';
export {
  extractMoneyAmounts,
  isPlaceholder,
  normalizeSourceText,
  parseDuration,
  parseFee,
  parseVietnameseDate,
} from './vietnamese-values.js';
export type { ParsedDuration, ParsedFee } from './vietnamese-values.js';
