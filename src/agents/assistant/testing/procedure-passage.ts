import { PROCEDURE_SECTION_TITLES } from '../../../ingest/structure/index.js';
import type { Passage } from '../../../retrieval/index.js';

/** A passage of one procedure's section, as the index holds it, for unit tests of the composers. */
export function procedurePassage(id: string, body: string, procedure = { code: 'QT 1', name: 'Cấp Giấy xác nhận' }, section: string = PROCEDURE_SECTION_TITLES.thanhPhanHoSo): Passage {
  return {
    id,
    text: body,
    fields: { body },
    document: { id: 'd', title: procedure.name, number: null, kind: 'Thủ tục hành chính', source: 'd.json' },
    citation: { article: null, clause: null, point: null, section, label: `${section} — ${procedure.name}` },
    procedure,
  };
}
