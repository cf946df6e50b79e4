import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROCEDURE_DOCUMENT_KINDS } from '../../ingest/structure/index.js';
import type { SearchResult } from '../../retrieval/index.js';
import { findPlainVariant, neverDone, saysAgain, saysMobile } from './plain-variant.js';
import type { Candidate } from './procedure-choice.js';

const result = (id: string, name: string, kind: string) =>
  ({ score: 1, text: '', document: { id, title: name, number: null, kind, source: `${id}.doc` }, citation: { article: null, clause: null, point: null, section: null, label: name }, procedure: { code: id, name } }) as SearchResult;

const index = [
  result('gh-nn', 'Đăng ký giám hộ có yếu tố nước ngoài', PROCEDURE_DOCUMENT_KINDS.provincial),
  result('gh-qg', 'Đăng ký giám hộ', PROCEDURE_DOCUMENT_KINDS.national),
  result('gh', 'Đăng ký giám hộ', PROCEDURE_DOCUMENT_KINDS.provincial),
];
const search = async (_query: string, kind: string) => index.filter((item) => item.document.kind === kind);
const foreign: Candidate = { documentId: 'gh-nn', code: 'QT 20', name: 'Đăng ký giám hộ có yếu tố nước ngoài', rank: 0, score: 1, provincial: true };

test('a foreign variant the question does not ask for gives way to the plain procedure of the same collection', async () => {
  const plain = await findPlainVariant(search, foreign, new Set(['giam', 'ho', 'chau', 'bac', 'ruot']));
  assert.equal(plain?.documentId, 'gh');
  // the question says something foreign (as typed, or a country read formally)
  assert.equal(await findPlainVariant(search, foreign, new Set(['giam', 'ho', 'co', 'yeu', 'to', 'nuoc', 'ngoai'])), undefined);
  // no plain procedure of that name: nothing
  const adoption: Candidate = { ...foreign, documentId: 'cn', name: 'Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trẻ em sống ở cơ sở nuôi dưỡng' };
  assert.equal(await findPlainVariant(search, adoption, new Set(['con', 'nuoi'])), undefined);
});

test('a family whose plain member is named differently: the domestic one sharing words with it', async () => {
  const adoptionIndex = [
    ...index,
    result('cn-tn', 'Đăng ký việc nuôi con nuôi trong nước', PROCEDURE_DOCUMENT_KINDS.provincial),
    result('kh-tn', 'Đăng ký kết hôn trong nước', PROCEDURE_DOCUMENT_KINDS.provincial),
  ];
  const searchAdoption = async (_query: string, kind: string) => adoptionIndex.filter((item) => item.document.kind === kind);
  const adoption: Candidate = { ...foreign, documentId: 'cn', name: 'Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trẻ em sống ở cơ sở nuôi dưỡng' };
  assert.equal((await findPlainVariant(searchAdoption, adoption, new Set(['con', 'nuoi', 'be'])))?.documentId, 'cn-tn');
  // a domestic procedure of another family (no three words in a row in common) is not the plain one
  const marriage: Candidate = { ...foreign, documentId: 'x', name: 'Ghi chú việc ly hôn có yếu tố nước ngoài' };
  assert.equal(await findPlainVariant(searchAdoption, marriage, new Set(['ly', 'hon'])), undefined);
});

test('a procedure named domestic gives way to its foreign member when the question says something foreign', async () => {
  const adoptionIndex = [
    result('cn-nn', 'Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trẻ em sống ở cơ sở nuôi dưỡng', PROCEDURE_DOCUMENT_KINDS.provincial),
    result('kh-nn', 'Đăng ký kết hôn có yếu tố nước ngoài', PROCEDURE_DOCUMENT_KINDS.provincial),
    result('cn-tn', 'Đăng ký việc nuôi con nuôi trong nước', PROCEDURE_DOCUMENT_KINDS.provincial),
  ];
  const searchAdoption = async (_query: string, kind: string) => adoptionIndex.filter((item) => item.document.kind === kind);
  const domestic: Candidate = { ...foreign, documentId: 'cn-tn', name: 'Đăng ký việc nuôi con nuôi trong nước' };
  const american = new Set(['nguoi', 'my', 'nhan', 'con', 'nuoi', 'co', 'yeu', 'to', 'nuoc', 'ngoai']);
  assert.equal((await findPlainVariant(searchAdoption, domestic, american))?.documentId, 'cn-nn');
  // nothing foreign asked: the domestic one stays
  assert.equal(await findPlainVariant(searchAdoption, domestic, new Set(['nhan', 'con', 'nuoi'])), undefined);
  // a foreign procedure of another family is not its member
  const marriage: Candidate = { ...domestic, documentId: 'kh-tn', name: 'Đăng ký kết hôn trong nước' };
  const noMember = async (_query: string, kind: string) => adoptionIndex.filter((item) => item.document.kind === kind && item.document.id !== 'cn-nn');
  assert.equal(await findPlainVariant(noMember, { ...domestic, name: 'Đăng ký việc nuôi con nuôi trong nước' }, american), undefined);
  assert.equal((await findPlainVariant(searchAdoption, marriage, american))?.documentId, 'kh-nn');
});

test('a re-registration is not meant when the question says the thing was never done', () => {
  assert.equal(neverDone('Con tôi 3 tuổi mà vẫn chưa làm giấy khai sanh, giấy chứng sinh thất lạc', 'Đăng ký lại khai sinh'), true);
  assert.equal(neverDone('chua tung dang ky ket hon', 'Đăng ký lại kết hôn'), true);
  // lost after it was done: the re-registration
  assert.equal(neverDone('giấy khai sinh bị mất, sổ gốc ở xã cũng không còn', 'Đăng ký lại khai sinh'), false);
  assert.equal(neverDone('chưa làm giấy khai sinh', 'Đăng ký khai sinh'), false);
});

test('a mobile registration is not meant when the question gives no sign of one', async () => {
  const deathIndex = [
    result('kt-ld', 'Đăng ký khai tử lưu động', PROCEDURE_DOCUMENT_KINDS.provincial),
    result('kt', 'Đăng ký khai tử', PROCEDURE_DOCUMENT_KINDS.provincial),
  ];
  const searchDeaths = async (_query: string, kind: string) => deathIndex.filter((item) => item.document.kind === kind);
  const mobile: Candidate = { ...foreign, documentId: 'kt-ld', name: 'Đăng ký khai tử lưu động' };
  // where the father died is no request for the officer to come
  const died = 'Ba tôi vừa mất tại nhà hôm qua. Gia đình phải đi làm giấy khai tử trong bao lâu?';
  assert.equal((await findPlainVariant(searchDeaths, mobile, new Set(['ba', 'khai', 'tu']), died))?.documentId, 'kt');
  // said, or a case registered where the person is
  assert.equal(await findPlainVariant(searchDeaths, mobile, new Set(['khai', 'tu', 'luu', 'dong']), 'khai tử lưu động'), undefined);
  assert.equal(saysMobile('đăng ký khai tử tại nhà', new Set()), true);
  assert.equal(saysMobile('bà tôi già yếu không đi lại được, muốn đăng ký kết hôn cho con', new Set()), true);
  assert.equal(saysMobile('cha cháu đang chấp hành án ở trại giam', new Set()), true);
  assert.equal(saysMobile('bé sinh tại nhà, không có giấy chứng sinh', new Set()), false);
});

test('a re-registration gives way to its plain procedure when the question gives no sign it was done before', async () => {
  assert.equal(saysAgain('tui em muon di lam giay cuoi thi nop ho so o dau a?'), false);
  assert.equal(saysAgain('Giấy khai sinh ghi sai, muốn đi sửa lại cho đúng thì mất bao nhiêu ngày?'), false);
  assert.equal(saysAgain('giấy đăng ký kết hôn bị mối ăn mất, sổ lưu cũng không còn'), true);
  assert.equal(saysAgain('ba mẹ tôi cưới năm 1992, giờ làm lại giấy kết hôn'), true);
  const marriages = [
    result('kh', 'Đăng ký kết hôn', PROCEDURE_DOCUMENT_KINDS.provincial),
    result('kh-lai', 'Đăng ký lại kết hôn', PROCEDURE_DOCUMENT_KINDS.provincial),
  ];
  const searchMarriages = async (_query: string, kind: string) => marriages.filter((item) => item.document.kind === kind);
  const again: Candidate = { documentId: 'kh-lai', code: 'QT 13', name: 'Đăng ký lại kết hôn', rank: 0, score: 1, provincial: true };
  const words = new Set(['dang', 'ky', 'ket', 'hon']);
  assert.equal((await findPlainVariant(searchMarriages, again, words, 'tui em muon di lam giay cuoi thi nop ho so o dau'))?.documentId, 'kh');
  assert.equal(await findPlainVariant(searchMarriages, again, words, 'giấy kết hôn của ba mẹ bị mất, làm lại ở đâu'), undefined);
});
