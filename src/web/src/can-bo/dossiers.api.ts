// Calls of the dossier API with the officer's token. Every read states its purpose (X-Purpose),
// which the server writes to the personal-data audit log.
import { ApiError, fetchJson } from '../shared/api.js';
import type { CheckCategory, CheckStatus, Decision, DossierStatus } from './labels.js';
import type { Session } from './session.js';

export interface Evidence {
  fileId: string;
  page: number;
  field?: string;
  value?: string;
  box?: { x: number; y: number; width: number; height: number };
}

export interface ExtractedField {
  name: string;
  value: string;
  raw?: string;
  confidence: number;
  source: string;
  evidence: Evidence;
}

export interface Segment {
  pages: { from: number; to: number };
  kind: string;
  confidence: number;
  method: string;
  formCode?: string;
  ocrConfidence?: number;
  fields: ExtractedField[];
}

export interface Check {
  id: string;
  category: CheckCategory;
  status: CheckStatus;
  message: string;
  requirement?: string;
  legalBasis?: string;
  evidence: Evidence[];
}

export interface Recommendation {
  decision: Decision;
  summary: string;
  reasons: string[];
  additionsRequest?: string;
  legalBasis: string[];
}

export interface DossierFile {
  id: string;
  filename: string;
  mediaType: string;
  format: string;
  pageCount: number | null;
  links: { original: string; pageImage: string };
}

export interface Dossier {
  id: string;
  procedure: { code: string; name: string };
  agency: string;
  applicant: { fullName: string; idNumber?: string; dateOfBirth?: string };
  status: DossierStatus;
  progress: number;
  progressMessage: string | null;
  errorDetail: string | null;
  files: DossierFile[];
  result: null | {
    files: { fileId: string; fileName: string; pageCount: number; segments: Segment[]; error?: string }[];
    checks: Check[];
    recommendation: Recommendation;
    durationMs: number;
  };
  decision: null | {
    decision: Decision;
    reason: string | null;
    additionsRequest: string | null;
    note: string | null;
    recommendedDecision: Decision | null;
    decidedBy: string;
    decidedAt: string;
  };
  createdAt: string;
}

export interface DossierSummary {
  id: string;
  procedure: { code: string; name: string };
  applicant: { fullName: string };
  status: DossierStatus;
  progress: number;
  fileCount: number;
  recommendation: Recommendation | null;
  createdAt: string;
}

export interface DecisionBody {
  decision: Decision;
  reason?: string;
  additionsRequest?: string;
  note?: string;
  corrections: { fileId: string; page?: number; field: string; value: string }[];
}

const purpose = encodeURIComponent('Kiểm tra hồ sơ tại bộ phận tiếp nhận và trả kết quả');

export class DossierClient {
  constructor(
    private readonly session: Session,
    /** Called when the server no longer accepts the token. */
    private readonly onExpired: () => void,
  ) {}

  private headers(extra: Record<string, string> = {}) {
    return { authorization: `Bearer ${this.session.token}`, 'x-purpose': purpose, ...extra };
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onExpired();
      throw error;
    }
  }

  list(status: string): Promise<{ items: DossierSummary[]; total: number }> {
    const query = new URLSearchParams({ limit: '100', ...(status ? { status } : {}) });
    return this.call(() => fetchJson(`./v1/dossiers?${query}`, { headers: this.headers() }));
  }

  get(id: string): Promise<Dossier> {
    return this.call(() => fetchJson(`./v1/dossiers/${encodeURIComponent(id)}`, { headers: this.headers() }));
  }

  decide(id: string, body: DecisionBody): Promise<Dossier> {
    return this.call(() =>
      fetchJson(`./v1/dossiers/${encodeURIComponent(id)}/decision`, {
        method: 'POST',
        headers: this.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      }),
    );
  }

  /** The page as an object URL (an <img> cannot send the bearer token itself). */
  async pageImage(file: DossierFile, page: number, width: number): Promise<string> {
    return URL.createObjectURL(await this.blob('.' + file.links.pageImage.replace('{n}', String(page)) + `?width=${width}`, 'ảnh trang'));
  }

  /** The file as it was uploaded. */
  async originalFile(file: DossierFile): Promise<Blob> {
    return this.blob('.' + file.links.original, 'tệp gốc');
  }

  private async blob(url: string, what: string): Promise<Blob> {
    return this.call(async () => {
      let response: Response;
      try {
        response = await fetch(url, { headers: this.headers() });
      } catch (error) {
        throw new ApiError(`Không tải được ${what}: không kết nối được máy chủ.`, 0, undefined, error);
      }
      if (!response.ok) {
        const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
        throw new ApiError(problem?.detail ?? `Không tải được ${what} (mã ${response.status}).`, response.status, problem);
      }
      return response.blob();
    });
  }
}
