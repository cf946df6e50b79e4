export type { Classification, TextClassifier } from './text-classifier.js';
export { ClassifierError } from './text-classifier.js';
export { HASHED_FEATURES_ID, hashedFeatures } from './hashed-features.js';
export { OnnxTextClassifier, loadDocumentClassifier, DOCUMENT_CLASSIFIER_NAME } from './onnx.text-classifier.js';
