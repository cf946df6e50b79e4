import crypto from 'node:crypto';
import type { ChatRepository, ConversationRow, ProcedureRepository, ProcedureRow } from '../../db/repositories/index.js';
import { AppError, notFound } from '../../errors/index.js';
import { LEGAL_DOCUMENT_KINDS, PROCEDURE_DOCUMENT_KINDS } from '../../ingest/structure/index.js';
import type { Logger } from '../../logging/index.js';
import { findPersonalData, redactPersonalData } from '../../privacy/index.js';
import type { LanguageModel } from '../../providers/llm/index.js';
import { withSynonymsReplaced, type Passage, type SearchOptions, type SearchResult } from '../../retrieval/index.js';
import type { Aspect, ChatOutcome, ChatReply, ConversationState } from './assistant.types.js';
import { leadsByName, mainCoverage, MIN_NAME_SHARE, MIN_SUPPORT, NAMED_COVERAGE, refineChoice, unknownKind } from './choice-refinement.js';
import { checkAndCite } from './citation-check.js';
import { handoverReply, isOfficeHours, replies } from './fixed-replies.js';
import { composeLegalAnswer } from './legal-answer.composer.js';
import { actPairs, governingArticle } from './governing-article.js';
import { composeWithLanguageModel } from './llm-answer.composer.js';
import { askedAspects, askedLevel, askedObligation, askedPermission, asksHowToProceed, asksRule, namedAfterCue, readAspect, readIntent, soundsAdministrative, topicWords } from './message-intent.js';
import { ASPECT_TITLES, composeProcedureAnswer, type DraftLine } from './procedure-answer.composer.js';
import { findNationalTwin } from './national-twin.js';
import { findPlainVariant } from './plain-variant.js';
import { chooseProcedure, coverage, headWords, nameKey, nameWordHits, pickFromReply, procedureCandidates, statesHead, type Candidate } from './procedure-choice.js';
import { accentedForm, comparable, fold } from './text-folding.js';
import { WordWeights } from './word-weights.js';
import { SpelledNames } from './spelled-names.js';
import { countedThing, quantityLines } from './quantity-focus.js';
import { ageFit, ageLines, asksDeadline, durationFit, asksElsewhere, asksOnline, deadlineLines, itemLines, onlineLines, residenceLines, situationLines, statedAges, statedDurations } from './question-focus.js';
import { QuestionReading } from './question-reading.js';
import { requiredProcedure } from './prior-record.js';
import { pendingCandidate, share, withoutHomeProvince, withoutPlaceholders, withoutSelfIntroduction } from './question-text.js';

/** What the assistant needs from retrieval: `LiveSearchIndex` in the service, a `SearchService` in tools. */
export interface AssistantSearch {
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  passagesOf(documentId: string): Promise<readonly Passage[]>;
  /** The share of passages that have the word; undefined when none has it. */
  wordShare(word: string): Promise<number | undefined>;
  /** How much the words belong to the law articles rather than to the procedures (0 = alike). */
  legalLeaning(text: string): Promise<number>;
}

export interface AssistantDependencies {
  search: AssistantSearch;
  procedures: Pick<ProcedureRepository, 'byDocumentIds' | 'names'>;
  chat: ChatRepository;
  languageModel?: LanguageModel | null;
  logger: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
}

export interface AskInput {
  conversationId?: string;
  message: string;
  /** Who asks (`sub:<subject>` or `ip:<hash>`): a conversation answers only to the client that opened it. */
  clientKey: string;
}

/** Internal result of one turn before it is stored. */
interface Turn {
  outcome: ChatOutcome;
  answer: string;
  citations: ChatReply['citations'];
  suggestions?: string[];
  procedure?: ChatReply['procedure'];
  aspect?: Aspect | null;
  composer?: string;
  state: ConversationState;
  unsupported: number;
  /** A "gặp cán bộ" request to store once the conversation is. */
  handover?: string;
}

export const MAX_MESSAGE_CHARS = 1000;

const RECORD_CACHE_MS = 60_000;
/** Telling words of a name's head that, typed in a row as in the name, name the procedure whatever the story. */
const HEAD_NAMES = 4;
/** Distinguishing words a name must have for all of them to name it whatever else the question has. */
const WHOLE_NAME_WORDS = 3;
/** A question of this many topic words tells a story, even in one sentence. */
const STORY_WORDS = 8;
/** Share of the question's words a law article must have to answer it. */
const LAW_COVERAGE = 0.6;
/**
 * A name of this many distinguishing words (the 67 of a war veterans' allowance) must meet LONG_NAME_HITS of them in the
 * question to be named by its share of the question's words.
 */
const LONG_NAME_WORDS = 20;
const LONG_NAME_HITS = 3;
/** Qualifiers of a procedure's name dropped one after the other for its plain procedure (foreign, again, mobile). */
const MAX_QUALIFIERS = 3;
/** Folded words of a law putting a duty, and of one giving or taking away a right. */
const DUTY_MARKERS = 'phai|bat buoc|co trach nhiem|co nghia vu';
const RIGHT_MARKERS = 'co quyen|khong duoc|duoc phep|nghiem cam';
/** Law articles searched for one whose clause puts the duty asked. */
const DUTY_ARTICLES = 5;
/** Law articles searched for one whose clause bounds an age the story states. */
const AGE_ARTICLES = 10;
/**
 * Legal leaning (see SearchService.legalLeaning) above which a question is the laws' (measured on our question sets:
 * 1.3–1.45 alike; 1.15 answers a procedure question from a law).
 */
const LAW_LEANING = 1.35;

/** Only one of a longer name's distinguishing words is in the question: that word alone does not name it. */
const byOneWord = ({ hits, size }: { hits: number; size: number }) => hits < 2 && size > 2;

/** A procedure's name after `thủ tục` in a sentence: names often start with that word already. */
const procedureTitle = (name: string) => name.replace(/^thủ tục\s+/iu, '');

/** The last pair of words side by side in a deed that few procedure names share (`tam tru` of `dang ky tam tru`). */
function tellingPairOf(deed: string | undefined, weights: WordWeights): string | undefined {
  const words = deed?.split(' ') ?? [];
  return words.slice(1).flatMap((word, i) => (weights.tellingPair(words[i]!, word) ? [`${words[i]!} ${word}`] : [])).at(-1);
}

/** The answer's lines with `focus` (those not already there) right after its heading, then `then` if given. */
function withFocus(lines: DraftLine[], focus: readonly DraftLine[], then?: DraftLine): DraftLine[] {
  const present = new Set(lines.map((line) => line.text));
  const fresh = focus.filter((line) => !present.has(line.text));
  if (fresh.length === 0) return lines;
  return [lines[0]!, ...fresh, ...(then ? [then] : []), ...lines.slice(1)];
}

/**
 * The citizen assistant: guardrails → intent → (memory | clarification | retrieval) → extractive
 * composer (optionally rephrased by a language model) → citation check → stored turn.
 */
export class AssistantService {
  private readonly records = new Map<string, { row: ProcedureRow | null; at: number }>();
  /** Tables built from every procedure name: word weights and the names a question may spell out. */
  private names: { value: Promise<{ weights: WordWeights; spelled: SpelledNames }>; at: number } | undefined;
  /** Distinct words of procedures, by typing and document (see documentWords). */
  private readonly wordsOfDocuments = new Map<string, { text: string; at: number }>();
  private readonly now: () => Date;
  /** Lines dropped by the citation check since start (the evaluation reads it; must stay 0). */
  unsupportedLines = 0;

  constructor(private readonly deps: AssistantDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  get composerName(): string {
    return this.deps.languageModel ? `llm:${this.deps.languageModel.modelId}` : 'extractive';
  }

  async ask(input: AskInput): Promise<ChatReply> {
    const started = performance.now();
    const message = input.message.normalize('NFC').trim();
    if (!message) throw new AppError({ status: 400, code: 'empty-message', detail: 'Câu hỏi không được để trống.' });
    if (message.length > MAX_MESSAGE_CHARS) {
      throw new AppError({ status: 400, code: 'message-too-long', detail: `Câu hỏi tối đa ${MAX_MESSAGE_CHARS.toLocaleString('vi-VN')} ký tự.` });
    }
    // personal data never goes further than this line: not to the logs, the database or a model
    const found = findPersonalData(message);
    const redacted = found.length > 0 ? redactPersonalData(message) : message;
    const conversation = await this.conversationFor(input.conversationId, input.clientKey);
    const state = conversation.state as ConversationState;

    const turn = await this.answer(withoutHomeProvince(withoutSelfIntroduction(withoutPlaceholders(redacted))), state);
    if (found.length > 0) turn.answer = `${replies.personalDataNotice}\n\n${turn.answer}`;
    this.unsupportedLines += turn.unsupported;

    const messageId = crypto.randomUUID();
    const latencyMs = Math.round(performance.now() - started);
    await this.deps.chat.recordTurn(conversation, turn.state as Record<string, unknown>, [
      { id: crypto.randomUUID(), conversationId: conversation.id, role: 'user', content: redacted },
      {
        id: messageId,
        conversationId: conversation.id,
        role: 'assistant',
        content: turn.answer,
        outcome: turn.outcome,
        aspect: turn.aspect ?? null,
        citations: turn.citations.map(({ document, citation, procedure }) => ({ document, citation, procedure })),
        composer: turn.composer ?? null,
        latencyMs,
      },
    ]);
    if (turn.handover) await this.requestHandover(conversation.id, turn.handover);
    return {
      conversationId: conversation.id,
      messageId,
      outcome: turn.outcome,
      answer: turn.answer,
      citations: turn.citations,
      ...(turn.suggestions?.length ? { suggestions: turn.suggestions } : {}),
      ...(turn.procedure !== undefined ? { procedure: turn.procedure } : {}),
      ...(turn.aspect ? { aspect: turn.aspect } : {}),
      ...(turn.composer ? { composer: turn.composer } : {}),
      ...(found.length > 0 ? { redacted: [...new Set(found.map((item) => item.kind))] } : {}),
    };
  }

  /** The caller's conversation, or a new one (stored with its first turn). */
  private async conversationFor(id: string | undefined, clientKey: string): Promise<Pick<ConversationRow, 'id' | 'clientKey' | 'state'>> {
    if (id) {
      const existing = await this.deps.chat.conversation(id);
      // another client's conversation is reported as missing, not as forbidden: its existence is private too
      if (!existing || existing.clientKey !== clientKey) throw notFound('Không tìm thấy cuộc trò chuyện này. Hãy bắt đầu cuộc trò chuyện mới.');
      return existing;
    }
    return { id: crypto.randomUUID(), clientKey, state: {} };
  }

  private async answer(message: string, state: ConversationState): Promise<Turn> {
    const intent = readIntent(message);
    const fixed = (outcome: ChatOutcome, answer: string, next: ConversationState = state): Turn => ({ outcome, answer, citations: [], state: next, unsupported: 0 });
    switch (intent.kind) {
      case 'refused':
        return fixed('refused', replies.refused);
      case 'out_of_scope':
        return fixed('out_of_scope', replies.outOfScope);
      case 'personal_data_request':
        return fixed('personal_data_request', replies.personalData);
      case 'greeting':
        return fixed('answered', replies.greeting);
      case 'thanks':
        return fixed('answered', replies.thanks);
      case 'handover':
        return { ...fixed('answered', handoverReply(this.now())), handover: message };
      case 'question': {
        // the answer to "which procedure?" completes the question asked before it
        // ("giấy tờ bị mất thì làm lại thế nào?" → "giấy chứng nhận kết hôn, sổ ở xã cũng hư")
        const unnamed = state.unnamed;
        const turn = unnamed
          ? await this.answerQuestion(`${intent.searchText} ${unnamed.question}`, { ...state, unnamed: undefined })
          : await this.answerQuestion(intent.searchText, state);
        // nothing found, or only "which procedure?" to ask outside a conversation, and nothing of an administrative or
        // legal question in the words: not this assistant's field ("cuối tuần này Pleiku có mưa không?")
        const nothing = turn.outcome === 'no_information' || (turn.outcome === 'needs_clarification' && turn.answer === replies.whichProcedure && !state.procedureDocumentId);
        // a follow-up to a legal answer that finds nothing on its own ("còn đứa lớn 9 tuổi thì sao?") is asked of the
        // law under discussion, read with the question it follows
        if (nothing && state.law) {
          const legal = await this.lawFollowUp(intent.searchText, state.law, state);
          if (legal) return legal;
        }
        if (nothing && !soundsAdministrative(intent.searchText)) return fixed('out_of_scope', replies.outOfScope, { ...state, pending: undefined, unnamed: undefined });
        return turn;
      }
    }
  }

  /**
   * `retry`: a first reading, a second with the formal wording, a last with the request sentence alone
   * (`requestText`, carried from the first reading).
   */
  private async answerQuestion(
    question: string,
    state: ConversationState,
    retry: 'none' | 'formal' | 'request' = 'none',
    requestText?: string,
    latest?: string,
    names?: ReadonlyMap<string, string>,
  ): Promise<Turn> {
    const { weights, spelled } = await this.nameTables();
    const reading = await QuestionReading.read(question, retry === 'none', weights, (word) => this.deps.search.wordShare(word), names);
    const { request, topics, unseen, unseenAsked } = reading;
    // a question completed by the one before it: what the latest message asks wins ("nộp online được không?"
    // after "cần giấy tờ gì?" asks where, not the papers once more)
    const asked = latest !== undefined && readAspect(latest) !== undefined ? latest : question;
    const aspect = asked === question ? reading.aspect : readAspect(asked);

    // a reply to "which procedure?"
    const pending = state.pending;
    const isChoice =
      pending !== undefined &&
      (/^\s*\d\s*$/.test(question) || (topics.length > 0 && topics.every((word) => pending.candidates.some((candidate) => fold(candidate.name).includes(` ${word} `)))));
    if (pending && isChoice) {
      const pick = pickFromReply(topics.length > 0 ? topics.join(' ') : question, pending.candidates.map((candidate, rank) => ({ ...candidate, rank, score: 0, provincial: false })));
      if (pick) return this.answerProcedure(pick.documentId, aspect ?? pending.aspect, pending.question);
    }
    // a reply to "which procedure?" that names none of the choices completes the question asked before it
    if (pending && !isChoice && retry === 'none') return this.answerQuestion(`${question} ${pending.question}`, { ...state, pending: undefined }, 'none', undefined, question);
    // a follow-up naming nothing new ("còn lệ phí thì sao?", "nộp ở đâu?")
    if (state.procedureDocumentId && topics.length === 0) {
      return this.answerProcedure(state.procedureDocumentId, aspect ?? 'overview', asked);
    }
    if (topics.length === 0) return { outcome: 'needs_clarification', answer: replies.whichProcedure, citations: [], state: { unnamed: { question } }, unsupported: 0 };

    const results = await this.deps.search.search(reading.text, { k: 12 });
    const procedureResults = results.filter((result) => result.procedure);
    const nameShare = (candidate: Candidate) => reading.nameShare(candidate.name);
    const records = await this.recordsOf(procedureResults.slice(0, 8).map((result) => result.document.id));
    const candidates = procedureCandidates(procedureResults, (documentId) => records.get(documentId)?.source === 'provincial');
    const questionWords = reading.questionWords;
    let choice = refineChoice(chooseProcedure(reading.withFormal, candidates), candidates, {
      nameShare,
      questionWords,
      inConversation: state.procedureDocumentId !== undefined,
      // what follows `thủ tục` (`làm giấy ủy quyền` names a paper, not a procedure)
      named: namedAfterCue(question, (first, second, word) => weights.namesPair(first, second, word), ['thu tuc']),
      readings: reading.readings,
      question,
      level: askedLevel(question),
      levelOf: (candidate) => fold(records.get(candidate.documentId)?.record.level ?? ''),
    });
    // a procedure name the question spells out ("xin bản sao từ sổ gốc") is meant, whatever the story around it
    const spelledOut = spelled.find(question);
    const spells = (name: string) => spelledOut !== undefined && (nameKey(name) === nameKey(spelledOut.name) || fold(name).includes(` ${spelledOut.core} `));
    if (spelledOut && !(choice.kind === 'chosen' && spells(choice.candidate.name))) {
      const named = await this.procedureNamed(spelledOut.name, candidates);
      if (named) choice = { kind: 'chosen', candidate: named, coverage: coverage(named.name, questionWords), variants: [] };
    }
    // a foreign variant the question does not ask for, or a re-registration of what was never done: its plain procedure
    if (choice.kind === 'chosen') {
      const plain = await this.plainest(choice.candidate, questionWords, question);
      if (plain) {
        if (!candidates.some((candidate) => candidate.documentId === plain.documentId)) candidates.push(plain);
        choice = { kind: 'chosen', candidate: plain, coverage: coverage(plain.name, questionWords), variants: [] };
      }
    }
    // what civil-status law makes the story's case (a divorce abroad recorded before marrying again; unmarried
    // parents recognising the father): that procedure is meant
    const needed = choice.kind === 'chosen' ? requiredProcedure(question, questionWords, choice.candidate.name) : undefined;
    let required = false;
    if (choice.kind === 'chosen' && needed && !needed.name.test(fold(choice.candidate.name))) {
      const record = await this.procedureWhere((name) => needed.name.test(fold(name)), needed.query, candidates, [PROCEDURE_DOCUMENT_KINDS.provincial]);
      if (record) choice = { kind: 'chosen', candidate: record, coverage: coverage(record.name, questionWords), variants: [] };
      required = record !== undefined;
    }
    const top = results[0];
    const relevance = (text: string) => share(topics, fold(text));

    // the question is about the current procedure unless it clearly names another one or a law
    let currentSupport = 0;
    if (state.procedureDocumentId) {
      const current = state.procedureDocumentId;
      // (one word of another name, `lấy` of `lấy mẫu` in "mấy ngày mới lấy được kết quả?", names nothing)
      const named = Math.max(0, ...candidates.filter((candidate) => candidate.documentId !== current && !byOneWord(nameWordHits(candidate.name, questionWords))).map(nameShare));
      const legal = top && !top.procedure ? relevance(top.text) : 0;
      currentSupport = reading.share(await this.documentWords(current, state.procedureName ?? '', reading.accented));
      // a short follow-up, or one whose words the procedure has; a long new question it does not cover is asked afresh
      const fits = topics.length <= 3 || currentSupport >= MIN_SUPPORT;
      if (named < 0.5 && legal < 0.75 && fits) return this.answerProcedure(current, aspect ?? state.lastAspect ?? 'overview', asked);
      // doing it away from home ("có phải về đúng công an xã nơi thường trú không?") is asked of the procedure under discussion
      if (named < 0.5 && asksElsewhere(question)) return this.answerProcedure(current, aspect ?? state.lastAspect ?? 'overview', asked);
      // words the procedure under discussion has (`trích lục` of `khai tử`) keep the conversation on it,
      // unless the question names another procedure (most of its telling name words)
      const namesOther = candidates.some((candidate) => candidate.documentId !== current && coverage(candidate.name, questionWords) >= NAMED_COVERAGE);
      if (!namesOther && currentSupport >= NAMED_COVERAGE) return this.answerProcedure(current, aspect ?? state.lastAspect ?? 'overview', asked);
    }

    // only words many procedure names share, none two of them together ("giấy tờ bị mất thì làm lại thế nào?"):
    // which procedure is it?
    const saidPairs = topics.slice(1).flatMap((word, i) => (weights.tellingPair(topics[i]!, word) ? [` ${topics[i]!} ${word} `] : []));
    const tellingPair = saidPairs.length > 0;
    const generic = reading.words.every((word) => weights.common(word)) && !tellingPair;
    if (!state.procedureDocumentId && retry === 'none' && generic) {
      return { outcome: 'needs_clarification', answer: replies.whichProcedure, citations: [], state: { ...state, pending: undefined, unnamed: { question } }, unsupported: 0 };
    }
    // a law article has the question's words: most of them, two at least
    const covers = (result: SearchResult | undefined) => {
      if (!result) return false;
      const { share: found, found: count } = reading.wordsFoundIn(reading.form(`${result.document.title} ${result.text}`));
      return found >= LAW_COVERAGE && count >= Math.min(2, reading.words.length);
    };
    const legalTop = results.find((result) => result.citation.article !== null);
    const lawFits = covers(legalTop);
    const wantsProcedure = aspect !== undefined || (top?.procedure ?? null) !== null;
    // a law answers what a law can: not where, when, how much or with which papers (those are a procedure's)
    // (nor how a procedure is carried out; a bare "thế nào" after another deed, "chia thế nào", may be the law's)
    const legalAspect =
      aspect === undefined || aspect === 'conditions' || aspect === 'legalBasis' || aspect === 'applicants' || (aspect === 'steps' && !asksHowToProceed(asked));
    // a question asked in the laws' words far more than in the procedures' (`ly hôn`, `tòa`, `giao con`, `thừa kế`),
    // about a case rather than a procedure's fee, papers or office, and not asking for a `thủ tục`: the law's, though a
    // procedure shares a word (`nuôi con` of `nuôi con nuôi`); the article the laws alone rank first
    if (retry === 'none' && legalAspect && !fold(question).includes(' thu tuc ') && (await this.deps.search.legalLeaning(question)) >= LAW_LEANING) {
      // whether one may do a deed ("tôi có được nộp đơn xin ly hôn không?"): the clause giving or taking away that right
      // (`Chồng không có quyền yêu cầu ly hôn trong trường hợp vợ đang có thai…`), among the articles found
      const deed = tellingPairOf(askedPermission(question), weights);
      const right = deed ? await this.dutyClause(reading, deed, RIGHT_MARKERS) : undefined;
      if (right) return this.answerLegal(question, right.result, state, reading, right.passage);
      const [law] = await this.searchLaws(question, 1);
      if (law) return this.answerLegal(question, law, state, reading);
    }
    // a rule asked ("ở bao lâu thì bắt buộc phải đăng ký tạm trú, tối đa mấy năm?") is the law's, when an article has the words
    if (legalTop && asksRule(question) && lawFits) return this.answerLegal(question, legalTop, state, reading);
    // whether, or after how long, one must do something ("có bắt buộc khai báo tạm vắng không?"): the clause of a law that
    // puts the duty ("… thì phải thực hiện đăng ký tạm trú", "có trách nhiệm khai báo tạm vắng trong các trường hợp sau")
    // (not a duty of a procedure's step: "… khi đi làm thủ tục không?")
    // nor, in a conversation about a procedure, where it must be done ("có phải về đúng công an xã nơi thường trú không?")
    const act = retry === 'none' && !state.procedureDocumentId && !fold(question).includes(' thu tuc ') ? askedObligation(question) : undefined;
    // a deed named by a telling pair of words (`tạm trú`, `tạm vắng`), not a generic one (`mang theo giấy`, `đăng ký`)
    const pair = tellingPairOf(act, weights);
    if (pair) {
      const duty = await this.dutyClause(reading, pair);
      if (duty) return this.answerLegal(question, duty.result, state, reading, duty.passage);
    }
    // the telling words of the question must be in the procedure: its name or its text
    // (a candidate's twins too: the level asked may pick one)
    const documents = candidates.flatMap((candidate) => [candidate.documentId, ...(candidate.twins ?? [])].map((documentId) => ({ documentId, name: candidate.name })));
    const texts = new Map(await Promise.all(documents.map(async ({ documentId, name }) => [documentId, await this.documentWords(documentId, name, reading.accented)] as const)));
    const supported = (candidate: Candidate) => reading.share(texts.get(candidate.documentId) ?? '');
    if (choice.kind === 'ambiguous' && wantsProcedure) {
      // the one choice the question names outright (`chứng thực di chúc` beside `chứng thực chữ ký`) is meant; a
      // re-registration of what was never done, or a foreign variant not asked, gives way to its plain procedure
      const namedOnes = unseenAsked === 0 ? choice.candidates.filter((candidate) => coverage(candidate.name, questionWords) >= NAMED_COVERAGE) : [];
      const plainOf = async (candidate: Candidate) => ((await this.plainest(candidate, questionWords, question)) ?? candidate).documentId;
      if (namedOnes.length === 1) return this.answerProcedure(await plainOf(namedOnes[0]!), aspect ?? 'overview', asked);
      // …or the one procedure retrieved whose whole head of three telling words or more the question states, informal
      // words read formally ("photo công chứng cái sổ đỏ" states `chứng thực bản sao`; the land contracts it also
      // retrieved are not named by `sổ đỏ`, the paper copied)
      const headedOnes = unseenAsked === 0 && namedOnes.length === 0 ? candidates.filter((candidate) => statesHead(candidate.name, questionWords, 3)) : [];
      if (headedOnes.length === 1) return this.answerProcedure(await plainOf(headedOnes[0]!), aspect ?? 'overview', asked);
      // a choice is offered only between procedures whose names say what was asked
      let plausible = choice.candidates.filter((candidate) => supported(candidate) >= MIN_SUPPORT && nameShare(candidate) >= MIN_SUPPORT);
      if (aspect !== undefined && aspect !== 'overview' && plausible.length >= 2) {
        const answers = await this.aspectAnswers(plausible, aspect);
        // the fee of a procedure that has none is not what was asked: keep those whose record answers the aspect
        const answering = plausible.filter((candidate) => answers.get(candidate.documentId) !== undefined);
        if (answering.length > 0) plausible = answering;
        // asking is worth the citizen's time only when the answers differ (the same fee at every level);
        // where, steps and legal basis name the agency or differ in wording even when alike
        const alike = answering.length >= 2 && !['steps', 'where', 'legalBasis'].includes(aspect);
        if (alike && new Set(plausible.map((candidate) => answers.get(candidate.documentId))).size === 1) {
          // cited: the one whose name has most of the question's words (`… người dịch` when asked of a translator),
          // then the one whose main name the question covers most (the general `chứng thực chữ ký`)
          const [closest] = [...plausible].sort((a, b) => nameShare(b) - nameShare(a) || mainCoverage(b.name, questionWords) - mainCoverage(a.name, questionWords));
          return this.answerProcedure(await plainOf(closest!), aspect, asked);
        }
      }
      if (plausible.length >= 2) return this.clarify(question, aspect ?? 'overview', plausible);
      if (plausible.length === 1) return this.answerProcedure(await plainOf(plausible[0]!), aspect ?? 'overview', asked);
    }
    // "cháu 16 tuổi muốn làm di chúc có được không?": whether one may do what the chosen procedure only acts upon
    // (`lập di chúc`, where the procedure is `chứng thực di chúc`) is the law's, when an article is headed by that act
    if (choice.kind === 'chosen' && wantsProcedure && aspect === 'conditions') {
      const act = await this.articleHeadedBy(reading, choice.candidate.name, weights);
      if (act) return this.answerLegal(question, act, state, reading);
    }
    // a kind the names have, qualified by a word the corpus never saw (`giấy phép kinh doanh karaoke`): nothing here
    // answers it, neither a procedure of another kind nor a law on one
    const unseenTopics = reading.unseenWords.filter((word) => topicWords(word).length > 0);
    const unknown = unseenTopics.length > 0 && unknownKind(question, unseenTopics, candidates.map((candidate) => candidate.name));
    if (choice.kind === 'chosen' && wantsProcedure) {
      // a procedure the question names (most of its telling name words, informal words read formally, or its
      // name or an item of it spelled out) or the story's case requires is answered whatever else is asked,
      // unless what is asked has a word the corpus never saw (`flycam`); otherwise the question's own telling
      // words must be found in it
      const spelledHere = spells(choice.candidate.name);
      // a whole head of four telling words typed as in the name (`chứng thực bản sao` of "chung thuc ban sao hoc
      // ba…") names it too
      const head = headWords(choice.candidate.name).join(' ');
      const headTyped = head.split(' ').length >= HEAD_NAMES && ` ${nameKey(choice.candidate.name)} `.includes(` ${head} `) && fold(question).includes(` ${head} `);
      // every distinguishing word of a name of three or more ("chứng thực … di chúc" of "lập di chúc để lại mảnh đất
      // rẫy cho con út, chứng thực ở xã…") names it even beside words the corpus never saw (`rẫy`, `út`)
      const hits = nameWordHits(choice.candidate.name, questionWords);
      const named = required || (hits.size >= WHOLE_NAME_WORDS && hits.hits === hits.size) || (unseenAsked === 0 && (spelledHere || headTyped || coverage(choice.candidate.name, questionWords) >= NAMED_COVERAGE));
      // the question's words are mostly in the name, or the name is plainly meant: most of its main name, or its
      // whole head of three telling words or more (`chứng thực bản sao` in "photo công chứng bằng tốt nghiệp…")
      const headed = statesHead(choice.candidate.name, questionWords, 3);
      // one word of a longer name is not naming it (`máu` typed `mau` is also `mẫu` of "Đăng ký lại mẫu con dấu")
      // (nor words every name shares: none of its distinguishing words said, `Đăng ký khai sinh` is not named by `đăng ký`)
      // (a long name, scores of words, has most of a short request's words by chance: it must meet three of its own)
      const chance = hits.size >= LONG_NAME_WORDS && hits.hits < LONG_NAME_HITS;
      const telling = hits.hits > 0 && !byOneWord(hits) && !chance && (nameShare(choice.candidate) >= MIN_NAME_SHARE || (unseenAsked === 0 && (headed || leadsByName(choice.candidate, candidates, questionWords))));
      // the request read alone, the last try, must find its rarest word in the procedure: one that has only the
      // commoner words (`giấy phép hoạt động` of "… phòng khám ở đâu?") answers something else
      const heaviest = retry === 'request' ? reading.heaviestAsked : undefined;
      const hasHeaviest = heaviest === undefined || [texts.get(choice.candidate.documentId) ?? '', reading.form(choice.candidate.name)].some((text) => text.includes(` ${heaviest} `));
      if (!unknown && (named || (supported(choice.candidate) >= MIN_SUPPORT && telling && hasHeaviest))) {
        const turn = await this.answerProcedure(choice.candidate.documentId, aspect ?? 'overview', asked);
        const variants = choice.variants.slice(0, 3);
        if (variants.length > 0 && turn.outcome === 'answered') {
          turn.suggestions = variants.map((variant) => variant.name);
          turn.state = { ...turn.state, pending: { question, aspect: aspect ?? 'overview', candidates: [choice.candidate, ...variants].map(pendingCandidate) } };
        }
        return turn;
      }
    }
    if (legalAspect && !unknown) {
      // the law retrieved with the procedures; when it lacks the words of a story told before its request, the article
      // with most of them among the laws searched alone (the story's words drown the law's among the procedures')
      const law = lawFits ? legalTop : reading.request !== undefined || reading.words.length >= STORY_WORDS ? await this.governingLaw(reading) : undefined;
      if (law && covers(law)) return this.answerLegal(question, law, state, reading);
    }
    // in a conversation, an aspect asked in a few words that lead nowhere else ("xin một lần được mấy bản?") is
    // asked of the procedure under discussion; a longer question must find its words there
    const followUp = topics.length <= 2 || currentSupport >= MIN_SUPPORT;
    if (state.procedureDocumentId && aspect !== undefined && unseen === 0 && followUp) return this.answerProcedure(state.procedureDocumentId, aspect, asked);
    // nothing found for the citizen's words: once more with the formal ones (`công chứng bản sao` → `chứng thực bản sao`)…
    if (retry === 'none' && fold(reading.formal) !== fold(reading.text)) return this.answerQuestion(reading.formal, state, 'formal', request, latest, reading.names);
    // …and last with the request alone: a long story can outweigh what is asked
    const alone = retry === 'none' ? request : retry === 'formal' ? requestText : undefined;
    if (alone && topicWords(alone).length >= 2) return this.answerQuestion(withSynonymsReplaced(alone), state, 'request', undefined, latest, reading.names);
    // a name of one common word (`đăng ký lại`) says what is done, not to what
    const namesTelling = (named: readonly string[]) => named.length >= 2 || named.some((word) => !weights.common(word));
    // every word is known to the corpus but no procedure is named ("bước nào lâu nhất?"): ask which one; a
    // procedure the citizen names that nothing matched ("thủ tục xin chuyển trường") is not in the corpus
    // (one word of a longer name does not name it: `lại` of `Đăng ký lại khai sinh`)
    const namedBy = (candidate: Candidate) => nameShare(candidate) >= MIN_NAME_SHARE && !byOneWord(nameWordHits(candidate.name, questionWords));
    if (wantsProcedure && unseen === 0 && (generic || (!tellingPair && !namesTelling(namedAfterCue(question)))) && !candidates.some(namedBy)) {
      return { outcome: 'needs_clarification', answer: replies.whichProcedure, citations: [], state: { ...state, pending: undefined, unnamed: { question } }, unsupported: 0 };
    }
    // what is done is said by a pair of words few names have (`đăng ký lại`) and several procedures do it, none named
    // further: which one? (not words that only happen to be in names: `đăng ký hiến máu` is no `mẫu`)
    const doing = candidates.filter((candidate) => nameShare(candidate) >= MIN_NAME_SHARE && saidPairs.some((pair) => fold(candidate.name).includes(pair)));
    if (wantsProcedure && unseen === 0 && doing.length >= 2 && !candidates.some(namedBy)) return this.clarify(question, aspect ?? 'overview', doing.slice(0, 4));
    return { outcome: 'no_information', answer: replies.noInformation, citations: [], state: { ...state, pending: undefined }, unsupported: 0 };
  }

  /**
   * An article among the laws found for the question whose heading has two words the question says side by side
   * (read formally) and the procedure's name has not (`lập di chúc` of "Người lập di chúc" beside `chứng thực di chúc`).
   */
  private async articleHeadedBy(reading: QuestionReading, procedureName: string, weights: WordWeights): Promise<SearchResult | undefined> {
    const words = topicWords(reading.formal, (first, second, word) => weights.namesPair(first, second, word));
    const pairs = actPairs(fold(reading.formal), words, procedureName);
    if (pairs.length === 0) return undefined;
    const queries = [...new Set([reading.formal, reading.request].filter((query): query is string => query !== undefined))];
    for (const query of queries) {
      for (const result of await this.searchLaws(query, 10)) {
        if (result.citation.article === null) continue;
        const passage = (await this.deps.search.passagesOf(result.document.id)).find((item) => item.citation.label === result.citation.label);
        const heading = ` ${fold(passage?.fields.heading ?? '')} `;
        if (pairs.some((pair) => heading.includes(pair))) return result;
      }
    }
    return undefined;
  }

  /** The article of the law under discussion found for a follow-up (alone, else read with the question before it). */
  private async lawFollowUp(message: string, law: NonNullable<ConversationState['law']>, state: ConversationState): Promise<Turn | undefined> {
    const { weights } = await this.nameTables();
    const share = (word: string) => this.deps.search.wordShare(word);
    const reading = await QuestionReading.read(message, false, weights, share);
    if (reading.topics.length === 0) return undefined;
    const inLaw = async (text: string) => (await this.searchLaws(text, 10)).find((result) => result.document.id === law.documentId && result.citation.article !== null);
    const same = await this.articleOfCase(message, law);
    if (same) return this.answerLegal(message, same, state, reading);
    // the follow-up's own words first (`đủ 7 tuổi`, `nguyện vọng`), else with the question it follows
    const found = (await inLaw(reading.text)) ?? (await inLaw((await QuestionReading.read(`${message} ${law.question}`, false, weights, share)).text));
    return found ? this.answerLegal(message, found, state, reading) : undefined;
  }

  /**
   * The plain procedure of a variant the question does not ask for, qualifier after qualifier (`Đăng ký lại khai tử có
   * yếu tố nước ngoài` → `Đăng ký lại khai tử` → `Đăng ký khai tử`); undefined when the candidate is meant.
   */
  private async plainest(candidate: Candidate, questionWords: ReadonlySet<string>, question: string): Promise<Candidate | undefined> {
    let plain: Candidate | undefined;
    for (let step = 0; step < MAX_QUALIFIERS; step++) {
      const next = await findPlainVariant((query, kind) => this.deps.search.search(query, { k: 5, filters: { kind } }), plain ?? candidate, questionWords, question);
      if (!next || next.documentId === (plain ?? candidate).documentId) break;
      plain = next;
    }
    return plain;
  }

  /** The laws alone searched (every kind of legal document), best first. */
  private searchLaws(query: string, k: number): Promise<SearchResult[]> {
    return this.deps.search.search(query, { k, filters: { kind: [...LEGAL_DOCUMENT_KINDS] } });
  }

  /** The article governing a story, among the laws searched with the question and with its request alone. */
  private async governingLaw(reading: QuestionReading): Promise<SearchResult | undefined> {
    const governing = await governingArticle(
      (query, k) => this.searchLaws(query, k),
      [reading.text, reading.request],
      (text) => reading.share(reading.form(text)),
    );
    return governing?.result;
  }

  /** The procedure of that name: among the candidates, else looked up (the province's first), added to them. */
  private procedureNamed(name: string, candidates: Candidate[]): Promise<Candidate | undefined> {
    const key = nameKey(name);
    return this.procedureWhere((other) => nameKey(other) === key, name, candidates, [PROCEDURE_DOCUMENT_KINDS.provincial, PROCEDURE_DOCUMENT_KINDS.national]);
  }

  /** The procedure whose name `matches`: among the candidates, else looked up by `query` in each kind in turn, added to them. */
  private async procedureWhere(matches: (name: string) => boolean, query: string, candidates: Candidate[], kinds: readonly string[]): Promise<Candidate | undefined> {
    for (const kind of kinds) {
      const provincial = kind === PROCEDURE_DOCUMENT_KINDS.provincial;
      const listed = candidates.find((candidate) => candidate.provincial === provincial && matches(candidate.name));
      if (listed) return listed;
      const found = (await this.deps.search.search(query, { k: 5, filters: { kind } })).find((result) => result.procedure && matches(result.procedure.name));
      if (found?.procedure) {
        const candidate = { documentId: found.document.id, code: found.procedure.code, name: found.procedure.name, rank: candidates.length, score: found.score, provincial };
        candidates.push(candidate);
        return candidate;
      }
    }
    return undefined;
  }

  private clarify(question: string, aspect: Aspect, candidates: readonly Candidate[]): Turn {
    const list = candidates.map((candidate, index) => `${index + 1}. ${candidate.name}`);
    return {
      outcome: 'needs_clarification',
      answer: [replies.clarify, ...list].join('\n'),
      citations: [],
      suggestions: candidates.map((candidate) => candidate.name),
      aspect,
      state: { pending: { question, aspect, candidates: candidates.map(pendingCandidate) } },
      unsupported: 0,
    };
  }

  private async answerProcedure(documentId: string, aspect: Aspect, question: string): Promise<Turn> {
    const [row] = [(await this.recordsOf([documentId])).get(documentId)];
    const passages = await this.deps.search.passagesOf(documentId);
    if (!row || passages.length === 0) return { outcome: 'no_information', answer: replies.noInformation, citations: [], state: {}, unsupported: 0 };
    const retrieved = new Map<string, Passage>(passages.map((passage) => [passage.id, passage]));
    // other questions in the same message ("nộp ở đâu, bao lâu xong?") are answered too, in the order asked;
    // "phải đi khai tử trong bao lâu kể từ ngày mất?": the citizen's own time limit goes just before the office's
    const aspects = aspect === 'overview' ? [aspect] : askedAspects(question, aspect);
    const deadlineIn = aspects.includes('time') ? 'time' : aspects[0];
    const parts: DraftLine[][] = [];
    for (const asked of aspects) {
      let part = await this.aspectLines(row, passages, asked, retrieved);
      if (asked !== aspect && !part.some((line) => line.passage)) continue;
      if (asked === deadlineIn && asksDeadline(question)) {
        part = withFocus(part, await this.deadlineFocus(row, passages, retrieved), asked === 'time' ? { text: 'Thời hạn giải quyết hồ sơ:' } : undefined);
      }
      parts.push(part);
    }
    let lines = parts.flat();
    // other sentences the question asks for, each group put right after the heading (so the last added shows
    // first): "được mấy bản?" the count; "ủy quyền nhận hộ lương hưu" the line on the citizen's situation; "nộp
    // online được không?" what the procedure says of applying online
    const thing = countedThing(question);
    if (thing) lines = withFocus(lines, quantityLines(thing, passages, aspect === 'result'));
    lines = withFocus(lines, situationLines(question, row.name, passages));
    lines = withFocus(lines, itemLines(question, passages));
    lines = withFocus(lines, ageLines(question, passages));
    if (asksOnline(question)) lines = withFocus(lines, onlineLines(passages));
    if (asksElsewhere(question)) lines = withFocus(lines, residenceLines(passages));
    const turn = await this.finish(question, lines, retrieved);
    const procedure = { code: row.code, name: row.name, documentId };
    return { ...turn, procedure, aspect, state: { procedureDocumentId: documentId, procedureName: row.name, lastAspect: aspect } };
  }

  /** The lines answering one aspect: the procedure's own, else its national twin's (whose passages join `retrieved`). */
  private async aspectLines(row: ProcedureRow, passages: readonly Passage[], aspect: Aspect, retrieved: Map<string, Passage>): Promise<DraftLine[]> {
    const draft = composeProcedureAnswer(row.record, passages, aspect);
    if (draft.found || aspect === 'overview' || row.source !== 'provincial') return draft.lines;
    const twin = await this.fromNationalTwin(row, aspect);
    if (!twin) return draft.lines;
    for (const passage of twin.passages) retrieved.set(passage.id, passage);
    return twin.lines;
  }

  /** The sentences giving the citizen's own time limit: the procedure's, else its national twin's (joining `retrieved`). */
  private async deadlineFocus(row: ProcedureRow, passages: readonly Passage[], retrieved: Map<string, Passage>): Promise<DraftLine[]> {
    const own = deadlineLines(passages);
    if (own.length > 0 || row.source !== 'provincial') return own;
    const twin = await this.nationalTwin(row);
    const lines = twin ? deadlineLines(twin.passages) : [];
    if (!twin || lines.length === 0) return [];
    for (const passage of twin.passages) retrieved.set(passage.id, passage);
    return [{ text: `Quy trình nội bộ của tỉnh không ghi thời hạn này; theo thủ tục ${procedureTitle(twin.row.name)} (${twin.row.code}) trên Cổng Dịch vụ công quốc gia:` }, ...lines];
  }

  private async nationalTwin(row: ProcedureRow): Promise<{ row: ProcedureRow; passages: readonly Passage[] } | undefined> {
    const documentId = await findNationalTwin((query) => this.deps.search.search(query, { k: 5, filters: { kind: PROCEDURE_DOCUMENT_KINDS.national } }), row.name);
    const twin = documentId ? (await this.recordsOf([documentId])).get(documentId) : undefined;
    if (!documentId || !twin) return undefined;
    return { row: twin, passages: await this.deps.search.passagesOf(documentId) };
  }

  /** The aspect from the national record of the same procedure, when the province's document lacks it. */
  private async fromNationalTwin(row: ProcedureRow, aspect: Aspect): Promise<{ lines: DraftLine[]; passages: readonly Passage[] } | undefined> {
    const found = await this.nationalTwin(row);
    if (!found) return undefined;
    const { row: twin, passages } = found;
    const draft = composeProcedureAnswer(twin.record, passages, aspect);
    if (!draft.found) return undefined;
    // no figures of the provincial document here: a connective line may only repeat what is cited
    const intro = `Quy trình nội bộ của tỉnh không ghi ${ASPECT_TITLES[aspect]}; theo thủ tục ${procedureTitle(twin.name)} (${twin.code}) trên Cổng Dịch vụ công quốc gia:`;
    return { lines: [{ text: intro }, ...draft.lines.slice(1)], passages };
  }

  /**
   * The article's passage that has most of the question's words: retrieval finds the article, but the
   * clause that answers may be a sibling of its best-scored passage (tạm vắng: points c–d of clause 1,
   * "12 tháng liên tục", beside clauses 2–5).
   */
  private async answerLegal(question: string, found: SearchResult, state: ConversationState, reading: QuestionReading, quoted?: Passage): Promise<Turn> {
    const ages = statedAges(question);
    // another age of the case the last answer quoted an article of that law for: that article, when it bounds it
    const law = state.law;
    const ofCase = !quoted && law?.documentId === found.document.id && law.article !== found.citation.article ? await this.articleOfCase(question, law) : undefined;
    const result = ofCase ?? (ages.length > 0 ? await this.articleHoldingAge(reading, found, ages) : found);
    const passages = await this.deps.search.passagesOf(result.document.id);
    const first = passages.find((item) => item.text === result.text && item.citation.label === result.citation.label);
    if (!first) return { outcome: 'no_information', answer: replies.noInformation, citations: [], state, unsupported: 0 };
    // the clause bounding an age the story states first (`Con dưới 36 tháng tuổi…` for a child of 2), then the most words
    const fit = (item: Passage) => (ages.length > 0 ? ageFit(item.text, ages) !== undefined : false);
    let passage = quoted ?? first;
    let best = reading.share(reading.form(passage.text));
    for (const item of quoted ? [] : passages) {
      if (item.citation.article !== first.citation.article) continue;
      const score = reading.share(reading.form(item.text));
      if ((fit(item) && !fit(passage)) || (fit(item) === fit(passage) && score > best + 1e-9)) [passage, best] = [item, score];
    }
    const draft = composeLegalAnswer({ ...result, text: passage.text, citation: passage.citation }, passage);
    const turn = await this.finish(question, draft.lines, new Map([[passage.id, passage]]));
    // a legal answer does not change the procedure under discussion
    return { ...turn, procedure: null, aspect: null, state: { ...state, pending: undefined, law: { documentId: result.document.id, question, ...(passage.citation.article ? { article: passage.citation.article } : {}) } } };
  }

  /**
   * Another age of the same case ("còn đứa lớn 9 tuổi thì sao?") that the article just quoted bounds (`nếu con từ đủ
   * 07 tuổi trở lên thì phải xem xét nguyện vọng của con`): that article, found with the message and the question it
   * follows.
   */
  private async articleOfCase(message: string, law: NonNullable<ConversationState['law']>): Promise<SearchResult | undefined> {
    const ages = statedAges(message);
    if (ages.length === 0 || law.article === undefined) return undefined;
    const passages = await this.deps.search.passagesOf(law.documentId);
    if (!passages.some((passage) => passage.citation.article === law.article && ageFit(passage.text, ages) !== undefined)) return undefined;
    return (await this.searchLaws(`${message} ${law.question}`, 10)).find((result) => result.document.id === law.documentId && result.citation.article === law.article);
  }

  /**
   * An age the story states (`bé nhà tôi mới 2 tuổi`) that no clause of the article found bounds, where another article
   * of the same law found for the question bounds it (`Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi`): that
   * article speaks of the case.
   */
  private async articleHoldingAge(reading: QuestionReading, result: SearchResult, ages: readonly number[]): Promise<SearchResult> {
    const passages = await this.deps.search.passagesOf(result.document.id);
    const holds = (article: string | null) => passages.some((passage) => passage.citation.article === article && ageFit(passage.text, ages) !== undefined);
    if (result.citation.article === null || holds(result.citation.article)) return result;
    const found = await this.searchLaws(reading.text, AGE_ARTICLES);
    return found.find((other) => other.document.id === result.document.id && other.citation.article !== null && holds(other.citation.article)) ?? result;
  }

  /**
   * The first law article found for the question with a clause putting the duty asked (`phải`, `có trách nhiệm`, `có
   * nghĩa vụ`; or giving or taking away the right, with RIGHT_MARKERS) before the deed, named by its telling pair of
   * words (`tam tru`): that clause and its article's result.
   */
  private async dutyClause(reading: QuestionReading, deed: string, markers = DUTY_MARKERS): Promise<{ result: SearchResult; passage: Passage } | undefined> {
    // the deed's telling pair of words within four words of the duty (`phải thực hiện đăng ký tạm trú`, `có trách
    // nhiệm thông báo việc lưu trú` for "có phải báo lưu trú không")
    const duty = new RegExp(` (?:${markers})(?: [a-z]+){0,4} ${deed} `);
    const durations = statedDurations(reading.question);
    for (const result of await this.searchLaws(reading.text, DUTY_ARTICLES)) {
      if (result.citation.article === null) continue;
      const passages = await this.deps.search.passagesOf(result.document.id);
      // the clause of the cases that fit the story best (`12 tháng liên tục` of a worker away, not a defendant's `01 ngày`)
      const clauses = passages.filter((item) => item.citation.article === result.citation.article && duty.test(fold(item.text)));
      // (as many of them in less text: the shorter); before that, the one whose floor of time the story's length of
      // time passes closest ("hơn một năm" → `từ 12 tháng liên tục trở lên`, not a defendant's `từ 01 ngày trở lên`)
      const [best] = clauses
        .map((item) => ({ item, share: reading.share(reading.form(item.text)), distance: durationFit(item.text, durations) ?? Infinity }))
        .sort((a, b) => a.distance - b.distance || b.share - a.share || a.item.text.length - b.item.text.length);
      if (best) return { result, passage: best.item };
    }
    return undefined;
  }

  /** Citation check, then the optional language model over the checked sources. */
  private async finish(question: string, lines: readonly DraftLine[], retrieved: ReadonlyMap<string, Passage>): Promise<Omit<Turn, 'state'>> {
    const checked = checkAndCite(lines, retrieved);
    if (checked.citations.length === 0) return { outcome: 'no_information', answer: replies.noInformation, citations: [], unsupported: checked.unsupported };
    let answer = checked.answer;
    let composer = 'extractive';
    const model = this.deps.languageModel;
    if (model) {
      try {
        const fluent = await composeWithLanguageModel(model, question, checked.citations);
        if (fluent) {
          answer = fluent;
          composer = `llm:${model.modelId}`;
        } else this.deps.logger.warn({ model: model.modelId }, 'language model answer failed the grounding check; extractive answer used');
      } catch (error) {
        this.deps.logger.warn({ err: error, model: model.modelId }, 'language model unavailable; extractive answer used');
      }
    }
    return { outcome: 'answered', answer, citations: checked.citations, composer, unsupported: checked.unsupported };
  }

  /** Each candidate's quoted lines for the aspect, compared whitespace-insensitively (undefined: none). */
  private async aspectAnswers(candidates: readonly Candidate[], aspect: Aspect): Promise<Map<string, string | undefined>> {
    const records = await this.recordsOf(candidates.map((candidate) => candidate.documentId));
    const answers = new Map<string, string | undefined>();
    for (const candidate of candidates) {
      const row = records.get(candidate.documentId);
      const draft = row ? composeProcedureAnswer(row.record, await this.deps.search.passagesOf(candidate.documentId), aspect) : undefined;
      answers.set(candidate.documentId, draft?.found ? draft.lines.filter((line) => line.passage).map((line) => comparable(line.text)).join('\n') : undefined);
    }
    return answers;
  }

  /**
   * The distinct words of a procedure's name and passages, spaced like `fold` / `accentedForm` (as
   * the question was typed), for whole-word look-ups. Folding a whole record is the costly part of
   * a turn: the result is cached (a few KB per procedure).
   */
  private async documentWords(documentId: string, name: string, accented: boolean): Promise<string> {
    const key = `${accented ? 'a' : 'f'}:${documentId}`;
    const cached = this.wordsOfDocuments.get(key);
    if (cached && Date.now() - cached.at <= RECORD_CACHE_MS * 10) return cached.text;
    const text = [name, ...(await this.deps.search.passagesOf(documentId)).map((passage) => passage.text)].join('\n');
    const words = (accented ? accentedForm(text) : fold(text)).trim().split(' ');
    const distinct = ` ${[...new Set(words)].join(' ')} `;
    if (this.wordsOfDocuments.size > 4000) this.wordsOfDocuments.clear();
    this.wordsOfDocuments.set(key, { text: distinct, at: Date.now() });
    return distinct;
  }

  private nameTables(): Promise<{ weights: WordWeights; spelled: SpelledNames }> {
    if (!this.names || Date.now() - this.names.at > RECORD_CACHE_MS * 5) {
      const value = this.deps.procedures.names().then((names) => ({ weights: new WordWeights(names), spelled: new SpelledNames(names) }));
      value.catch(() => (this.names = undefined));
      this.names = { value, at: Date.now() };
    }
    return this.names.value;
  }


  private async recordsOf(documentIds: readonly string[]): Promise<Map<string, ProcedureRow>> {
    const now = Date.now();
    const missing = [...new Set(documentIds)].filter((id) => {
      const cached = this.records.get(id);
      return !cached || now - cached.at > RECORD_CACHE_MS;
    });
    if (missing.length > 0) {
      const rows = await this.deps.procedures.byDocumentIds(missing);
      if (this.records.size > 5000) this.records.clear();
      for (const id of missing) this.records.set(id, { row: rows.find((row) => row.documentId === id) ?? null, at: now });
    }
    const result = new Map<string, ProcedureRow>();
    for (const id of documentIds) {
      const row = this.records.get(id)?.row;
      if (row) result.set(id, row);
    }
    return result;
  }

  private async requestHandover(conversationId: string, question: string) {
    return this.deps.chat.createHandover({ id: crypto.randomUUID(), conversationId, question: redactPersonalData(question), agency: null });
  }

  /** The conversation's messages, for the client that owns it (officers' replies included). */
  async history(conversationId: string, clientKey: string) {
    await this.conversationFor(conversationId, clientKey);
    const [messages, handovers] = await Promise.all([this.deps.chat.messages(conversationId), this.deps.chat.handoversOf(conversationId)]);
    return { conversationId, messages, handovers: handovers.map(({ id, status, createdAt, answeredAt }) => ({ id, status, createdAt, answeredAt })) };
  }

  async feedback(input: { conversationId: string; messageId: string; clientKey: string; rating: 'up' | 'down'; comment?: string | undefined }): Promise<void> {
    await this.conversationFor(input.conversationId, input.clientKey);
    const message = await this.deps.chat.assistantMessage(input.conversationId, input.messageId);
    if (!message) throw notFound('Không tìm thấy câu trả lời này trong cuộc trò chuyện.');
    const comment = input.comment?.trim() ? redactPersonalData(input.comment.trim()) : null;
    await this.deps.chat.saveFeedback(input.messageId, input.rating, comment);
  }

  /** "Gặp cán bộ": stores the request with the conversation and says when to expect a reply. */
  async handover(input: { conversationId: string; clientKey: string; question?: string | undefined }) {
    await this.conversationFor(input.conversationId, input.clientKey);
    let question = input.question?.trim();
    if (!question) {
      const messages = await this.deps.chat.messages(input.conversationId);
      question = [...messages].reverse().find((message) => message.role === 'user')?.content ?? 'Người dân đề nghị gặp cán bộ.';
    }
    const row = await this.requestHandover(input.conversationId, question);
    return { id: row.id, status: row.status, createdAt: row.createdAt, reply: handoverReply(this.now()), officeHours: isOfficeHours(this.now()) };
  }

  async listHandovers(filter: { status?: 'open' | 'answered'; agency?: string | null; limit?: number }) {
    return this.deps.chat.handovers({ ...filter, limit: Math.min(filter.limit ?? 50, 200) });
  }

  async answerHandover(id: string, answer: string, officer: { subject: string; name?: string | undefined }) {
    const existing = await this.deps.chat.handover(id);
    if (!existing) throw notFound('Không tìm thấy yêu cầu gặp cán bộ này.');
    const text = answer.trim();
    if (!text) throw new AppError({ status: 400, code: 'empty-answer', detail: 'Câu trả lời không được để trống.' });
    const updated = await this.deps.chat.answerHandover(id, text, officer.name ?? officer.subject);
    if (!updated) throw new AppError({ status: 409, code: 'handover-answered', detail: 'Yêu cầu này đã được cán bộ khác trả lời.' });
    await this.deps.chat.appendMessage({ id: crypto.randomUUID(), conversationId: existing.conversationId, role: 'officer', content: text });
    return updated;
  }
}
