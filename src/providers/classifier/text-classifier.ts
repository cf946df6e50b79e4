/**
 * Text classifier contract (capabilities as data, like the other providers): the dossier pre-check
 * asks which kind of document a page is. Implementations differ in model; the labels are data.
 */
export interface Classification {
  label: string;
  /** Probability of `label`, 0..1. */
  confidence: number;
  /** Probability of every label. */
  scores: Record<string, number>;
}

export interface TextClassifier {
  /** name@version of the model, recorded with results. */
  readonly id: string;
  readonly labels: readonly string[];
  classify(texts: readonly string[]): Promise<Classification[]>;
  close(): Promise<void>;
}

export class ClassifierError extends Error {
  override readonly name = 'ClassifierError';
}
