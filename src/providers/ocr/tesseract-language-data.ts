import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Offline Tesseract language data. The `@tesseract.js-data/<lang>` packages ship
 * `<version>/<lang>.traineddata.gz`:
 *  - `4.0.0_best_int`: LSTM-only integer model (what tesseract.js downloads by default for OEM 1);
 *  - `4.0.0`: legacy + LSTM model (needed only for the legacy engine). Its LSTM part scores the same on
 *    our pages (CER 0.0747 vs 0.0748, evals/reports/ocr.md) but the file is 2.7× larger and the worker
 *    starts about twice as slowly, so `4.0.0_best_int` is the default.
 * tesseract.js accepts only one `langPath` for all languages, and the packages live in different
 * folders, so the files are un-gzipped once into a local cache folder and tesseract.js reads them from
 * there (`cachePath`). Nothing is ever fetched from the network.
 */

export type TesseractModel = '4.0.0_best_int' | '4.0.0';

const require = createRequire(import.meta.url);

/** Folder of the gzipped traineddata for one language, from its npm package. */
export function packagedLanguageFolder(language: string, model: TesseractModel): string {
  let packageJson: string;
  try {
    packageJson = require.resolve(`@tesseract.js-data/${language}/package.json`);
  } catch (cause) {
    throw new Error(`Tesseract language data for "${language}" is not installed (npm package @tesseract.js-data/${language}).`, { cause });
  }
  return path.join(path.dirname(packageJson), model);
}

/**
 * Makes sure `<cacheFolder>/<lang>.traineddata` exists for every language and returns the folder.
 * Files are written under a temporary name and renamed, so a concurrent process never reads half a file.
 */
export function prepareLanguageCache(languages: readonly string[], model: TesseractModel, cacheFolder: string): string {
  const folder = path.join(cacheFolder, model);
  mkdirSync(folder, { recursive: true });
  for (const language of languages) {
    if (!/^[a-z_]{3,12}$/.test(language)) throw new Error(`Invalid Tesseract language code: ${language}`);
    const target = path.join(folder, `${language}.traineddata`);
    const source = path.join(packagedLanguageFolder(language, model), `${language}.traineddata.gz`);
    if (!existsSync(source)) throw new Error(`Missing Tesseract model file ${source}.`);
    if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs && statSync(target).size > 0) continue;
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, gunzipSync(readFileSync(source)));
    renameSync(temporary, target);
  }
  return folder;
}
