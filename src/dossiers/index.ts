export { DossierService, DOSSIER_FORMATS, MAX_DOSSIER_FILES, dossierFormatsText, precheckJobId } from './dossier.service.js';
export type { SubmitInput, DecisionInput, DossierDetail } from './dossier.service.js';
export type { CorrectionInput } from './corrections.js';
export { CanvasPageImageRenderer } from './page-image.renderer.js';
export type { PageImageRenderer, RenderableFile } from './page-image.renderer.js';
export { locateEvidence } from './evidence-locator.js';
