export { findPersonalData, redactPersonalData, redactDeep } from './personal-data.js';
export type { PersonalDataKind, PersonalDataFinding } from './personal-data.js';
