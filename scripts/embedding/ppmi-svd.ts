/**
 * Linear algebra for the static model: a sparse PPMI matrix and its truncated SVD by the randomised
 * range finder (Halko, Martinsson & Tropp 2011) with power iterations, all in typed arrays. The
 * matrices are tall (tens of thousands of terms) and narrow (a few thousand context syllables), so
 * everything but the sparse matrix itself is small.
 */

/** Deterministic PRNG (mulberry32) so a rebuild with the same seed gives the same model. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: () => number): () => number {
  return () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

/** Compressed sparse rows. */
export interface SparseMatrix {
  rows: number;
  columns: number;
  rowStart: Int32Array;
  column: Int32Array;
  value: Float32Array;
}

/**
 * Positive PMI of a dense count matrix (rows × columns), with context-distribution smoothing
 * (counts^alpha, Levy, Goldberg & Dagan 2015) so rare contexts do not get inflated PMI.
 */
export function ppmi(counts: Float32Array, rows: number, columns: number, alpha = 0.75): SparseMatrix {
  const rowSum = new Float64Array(rows);
  const columnSum = new Float64Array(columns);
  for (let row = 0; row < rows; row++) {
    const offset = row * columns;
    for (let column = 0; column < columns; column++) {
      const count = counts[offset + column]!;
      rowSum[row]! += count;
      columnSum[column]! += count;
    }
  }
  let smoothedTotal = 0;
  const smoothed = new Float64Array(columns);
  for (let column = 0; column < columns; column++) {
    smoothed[column] = Math.pow(columnSum[column]!, alpha);
    smoothedTotal += smoothed[column]!;
  }
  const rowStart = new Int32Array(rows + 1);
  const columnList: number[] = [];
  const valueList: number[] = [];
  for (let row = 0; row < rows; row++) {
    const offset = row * columns;
    const rowTotal = rowSum[row]!;
    if (rowTotal > 0) {
      for (let column = 0; column < columns; column++) {
        const count = counts[offset + column]!;
        if (count <= 0) continue;
        const pmi = Math.log((count * smoothedTotal) / (rowTotal * smoothed[column]!));
        if (pmi > 0) {
          columnList.push(column);
          valueList.push(pmi);
        }
      }
    }
    rowStart[row + 1] = columnList.length;
  }
  return { rows, columns, rowStart, column: Int32Array.from(columnList), value: Float32Array.from(valueList) };
}

/** A · X, X dense row-major (columns × width). */
function multiply(matrix: SparseMatrix, x: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.rows * width);
  for (let row = 0; row < matrix.rows; row++) {
    const outOffset = row * width;
    for (let entry = matrix.rowStart[row]!; entry < matrix.rowStart[row + 1]!; entry++) {
      const value = matrix.value[entry]!;
      const xOffset = matrix.column[entry]! * width;
      for (let k = 0; k < width; k++) out[outOffset + k]! += value * x[xOffset + k]!;
    }
  }
  return out;
}

/** Aᵀ · Y, Y dense row-major (rows × width). */
function multiplyTransposed(matrix: SparseMatrix, y: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.columns * width);
  for (let row = 0; row < matrix.rows; row++) {
    const yOffset = row * width;
    for (let entry = matrix.rowStart[row]!; entry < matrix.rowStart[row + 1]!; entry++) {
      const value = matrix.value[entry]!;
      const outOffset = matrix.column[entry]! * width;
      for (let k = 0; k < width; k++) out[outOffset + k]! += value * y[yOffset + k]!;
    }
  }
  return out;
}

/**
 * Orthonormalises the columns of an n × width row-major matrix in place by Cholesky QR, done twice
 * for stability (CholeskyQR2): every pass reads the matrix row by row, which matters for tall matrices.
 */
export function orthonormalizeColumns(m: Float64Array, n: number, width: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const gram = new Float64Array(width * width);
    for (let r = 0; r < n; r++) {
      const offset = r * width;
      for (let i = 0; i < width; i++) {
        const value = m[offset + i]!;
        if (value === 0) continue;
        for (let j = i; j < width; j++) gram[i * width + j]! += value * m[offset + j]!;
      }
    }
    // upper Cholesky factor R with gram = RᵀR; a tiny ridge keeps rank-deficient columns finite
    let trace = 0;
    for (let i = 0; i < width; i++) trace += gram[i * width + i]!;
    const ridge = (trace / width) * 1e-12 + 1e-300;
    const r = new Float64Array(width * width);
    for (let i = 0; i < width; i++) {
      let diagonal = gram[i * width + i]! + ridge;
      for (let k = 0; k < i; k++) diagonal -= r[k * width + i]! ** 2;
      const rii = Math.sqrt(Math.max(diagonal, ridge));
      r[i * width + i] = rii;
      for (let j = i + 1; j < width; j++) {
        let sum = gram[i * width + j]!;
        for (let k = 0; k < i; k++) sum -= r[k * width + i]! * r[k * width + j]!;
        r[i * width + j] = sum / rii;
      }
    }
    // M ← M R⁻¹, row by row (forward substitution on each row)
    const row = new Float64Array(width);
    for (let rIndex = 0; rIndex < n; rIndex++) {
      const offset = rIndex * width;
      for (let j = 0; j < width; j++) {
        let sum = m[offset + j]!;
        for (let k = 0; k < j; k++) sum -= row[k]! * r[k * width + j]!;
        row[j] = sum / r[j * width + j]!;
      }
      m.set(row, offset);
    }
  }
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi). Returns values and column eigenvectors. */
export function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

export interface TruncatedSvd {
  /** rows × rank, row-major. */
  u: Float64Array;
  singularValues: Float64Array;
  rank: number;
}

/** Top `rank` left singular vectors and values of A by randomised SVD. */
export function randomizedSvd(
  matrix: SparseMatrix,
  rank: number,
  options: { oversample?: number; powerIterations?: number; seed?: number } = {},
): TruncatedSvd {
  const width = Math.min(rank + (options.oversample ?? 16), matrix.columns);
  const normal = gaussian(seededRandom(options.seed ?? 1));
  const omega = new Float64Array(matrix.columns * width);
  for (let index = 0; index < omega.length; index++) omega[index] = normal();
  let q = multiply(matrix, omega, width);
  orthonormalizeColumns(q, matrix.rows, width);
  for (let iteration = 0; iteration < (options.powerIterations ?? 3); iteration++) {
    const z = multiplyTransposed(matrix, q, width);
    orthonormalizeColumns(z, matrix.columns, width);
    q = multiply(matrix, z, width);
    orthonormalizeColumns(q, matrix.rows, width);
  }
  // B = Qᵀ A; B Bᵀ = Zᵀ Z with Z = Aᵀ Q (columns × width)
  const z = multiplyTransposed(matrix, q, width);
  const gram = new Float64Array(width * width);
  for (let c = 0; c < matrix.columns; c++) {
    const offset = c * width;
    for (let i = 0; i < width; i++) {
      const zi = z[offset + i]!;
      if (zi === 0) continue;
      for (let j = i; j < width; j++) gram[i * width + j]! += zi * z[offset + j]!;
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) gram[i * width + j] = gram[j * width + i]!;
  const { values, vectors } = symmetricEigen(gram, width);
  const order = Array.from(values.keys()).sort((left, right) => values[right]! - values[left]!);
  const kept = order.slice(0, rank);
  const u = new Float64Array(matrix.rows * rank);
  for (let row = 0; row < matrix.rows; row++) {
    for (let k = 0; k < rank; k++) {
      const eigen = kept[k]!;
      let sum = 0;
      for (let i = 0; i < width; i++) sum += q[row * width + i]! * vectors[i * width + eigen]!;
      u[row * rank + k] = sum;
    }
  }
  const singularValues = Float64Array.from(kept, (eigen) => Math.sqrt(Math.max(values[eigen]!, 0)));
  return { u, singularValues, rank };
}
