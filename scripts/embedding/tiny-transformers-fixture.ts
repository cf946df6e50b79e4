import fs from 'node:fs';
import path from 'node:path';
import { OnnxDataType, encodeOnnxModel, floatTensor, int64Tensor } from '../onnx/onnx-writer.js';
import { gaussian, seededRandom } from './ppmi-svd.js';

/**
 * Writes a tiny BERT-layout model folder (config.json, tokenizer.json, tokenizer_config.json,
 * onnx/model.onnx) that @huggingface/transformers loads exactly like a real multilingual-e5 or
 * bge-m3 drop-in. Its "encoder" is an embedding lookup masked by attention_mask plus the sentence mean at every position, enough to test the
 * real loading, prefixing, pooling and normalisation code without downloading any weights.
 */
export function writeTinyTransformersModel(directory: string, options: { dimensions?: number; seed?: number } = {}): string[] {
  const dimensions = options.dimensions ?? 16;
  const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
  const words = [
    'query', 'passage', ':', 'đăng', 'ký', 'khai', 'sinh', 'tử', 'kết', 'hôn', 'thủ', 'tục', 'hồ', 'sơ', 'luật', 'cư', 'trú',
    'dang', 'ky', 'tu', 'ket', 'hon', 'thu', 'tuc', 'ho', 'so', 'luat', 'cu', 'tru', 'giấy', 'tờ', 'con', 'nuôi', 'chứng', 'thực',
    '##s', '##ing', 'a', 'b', 'c', '.', ',', '?',
  ];
  const vocab: Record<string, number> = {};
  [...special, ...words].forEach((token, id) => (vocab[token] = id));
  const size = special.length + words.length;
  const normal = gaussian(seededRandom(options.seed ?? 7));
  const table = new Float32Array(size * dimensions);
  for (let index = 0; index < table.length; index++) table[index] = normal();
  // accented and plain spellings share a direction, as a multilingual model roughly does
  const pairs: [string, string][] = [['đăng', 'dang'], ['ký', 'ky'], ['tử', 'tu'], ['kết', 'ket'], ['hôn', 'hon'], ['thủ', 'thu'], ['tục', 'tuc'], ['hồ', 'ho'], ['sơ', 'so'], ['luật', 'luat'], ['cư', 'cu'], ['trú', 'tru']];
  for (const [accented, plain] of pairs) {
    const from = vocab[accented]! * dimensions;
    const to = vocab[plain]! * dimensions;
    for (let index = 0; index < dimensions; index++) table[to + index] = table[from + index]! + 0.3 * normal();
  }
  table.fill(0, 0, dimensions); // [PAD]

  const onnx = encodeOnnxModel({
    graphName: 'tiny_bert',
    producerName: 'tro-ly-so test fixture',
    producerVersion: '1',
    opsetVersion: 13,
    nodes: [
      { opType: 'Gather', inputs: ['word_embeddings', 'input_ids'], outputs: ['token_vectors'], attributes: { axis: 0 } },
      { opType: 'Cast', inputs: ['attention_mask'], outputs: ['mask'], attributes: { to: OnnxDataType.FLOAT } },
      { opType: 'Unsqueeze', inputs: ['mask', 'last_axis'], outputs: ['mask_3d'] },
      { opType: 'Mul', inputs: ['token_vectors', 'mask_3d'], outputs: ['masked'] },
      // every position also carries the sentence mean, so the first token ([CLS]) depends on the text
      { opType: 'ReduceSum', inputs: ['masked', 'sequence_axis'], outputs: ['summed'], attributes: { keepdims: 1 } },
      { opType: 'ReduceSum', inputs: ['mask_3d', 'sequence_axis'], outputs: ['count'], attributes: { keepdims: 1 } },
      { opType: 'Div', inputs: ['summed', 'count'], outputs: ['sentence_mean'] },
      { opType: 'Add', inputs: ['masked', 'sentence_mean'], outputs: ['last_hidden_state'] },
    ],
    inputs: [
      { name: 'input_ids', dataType: OnnxDataType.INT64, shape: ['batch_size', 'sequence_length'] },
      { name: 'attention_mask', dataType: OnnxDataType.INT64, shape: ['batch_size', 'sequence_length'] },
    ],
    outputs: [{ name: 'last_hidden_state', dataType: OnnxDataType.FLOAT, shape: ['batch_size', 'sequence_length', dimensions] }],
    initializers: [floatTensor('word_embeddings', [size, dimensions], table), int64Tensor('last_axis', [1], [2]), int64Tensor('sequence_axis', [1], [1])],
  });

  const specialToken = (content: string) => ({ id: vocab[content]!, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: special.map(specialToken),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']!], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']!], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    model_max_length: 512,
    do_lower_case: true,
    strip_accents: false,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
  };
  const config = { model_type: 'bert', architectures: ['BertModel'], hidden_size: dimensions, vocab_size: size, max_position_embeddings: 512 };

  fs.mkdirSync(path.join(directory, 'onnx'), { recursive: true });
  fs.writeFileSync(path.join(directory, 'onnx', 'model.onnx'), onnx);
  fs.writeFileSync(path.join(directory, 'tokenizer.json'), JSON.stringify(tokenizer));
  fs.writeFileSync(path.join(directory, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  fs.writeFileSync(path.join(directory, 'config.json'), JSON.stringify(config));
  return ['onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json'];
}
