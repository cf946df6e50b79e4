/**
 * A minimal ONNX writer: just enough of the protobuf wire format (varints, length-delimited fields,
 * fixed32 floats) to serialise ModelProto → GraphProto → NodeProto / TensorProto / ValueInfoProto.
 * No onnx writer is available as an npm package here, and the graphs we export are small and fixed,
 * so a hand-written encoder (checked by loading the result in onnxruntime-node) is the simplest
 * honest path. Field numbers follow onnx/onnx.proto (IR version 8).
 */

/** TensorProto.DataType values used here. */
export const OnnxDataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, FLOAT16: 10 } as const;
export type OnnxDataTypeCode = (typeof OnnxDataType)[keyof typeof OnnxDataType];

const WIRE_VARINT = 0;
const WIRE_FIXED32 = 5;
const WIRE_LENGTH = 2;

/** Appends protobuf fields; `bytes()` gives the encoded message. */
export class ProtoWriter {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  private push(part: Uint8Array): void {
    this.parts.push(part);
    this.length += part.length;
  }

  private tag(field: number, wire: number): void {
    this.push(encodeVarint(BigInt((field << 3) | wire)));
  }

  /** int32/int64/enum; negative values take ten bytes (two's complement), as protobuf requires. */
  varint(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.push(encodeVarint(BigInt(value)));
    return this;
  }

  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    const buffer = new Uint8Array(4);
    new DataView(buffer.buffer).setFloat32(0, value, true);
    this.push(buffer);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH);
    this.push(encodeVarint(BigInt(value.length)));
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, message: ProtoWriter): this {
    return this.bytes(field, message.finish());
  }

  /** Packed repeated varints (proto3 default for repeated scalars). */
  packedVarints(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const value of values) inner.push(encodeVarint(BigInt(value)));
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

export function encodeVarint(value: bigint): Uint8Array {
  let remaining = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  do {
    let byte = Number(remaining & 0x7fn);
    remaining >>= 7n;
    if (remaining !== 0n) byte |= 0x80;
    bytes.push(byte);
  } while (remaining !== 0n);
  return Uint8Array.from(bytes);
}

export interface OnnxTensor {
  name: string;
  dataType: OnnxDataTypeCode;
  dims: readonly number[];
  /** Little-endian element bytes (TensorProto.raw_data). */
  raw: Uint8Array;
}

export type OnnxAttributeValue = number | string | readonly number[] | { float: number } | OnnxTensor;

export interface OnnxNode {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attributes?: Record<string, OnnxAttributeValue>;
}

/** A tensor input/output; a string dimension is symbolic (`batch`, `sequence`). */
export interface OnnxValueInfo {
  name: string;
  dataType: OnnxDataTypeCode;
  shape: readonly (number | string)[];
  docString?: string;
}

export interface OnnxModel {
  graphName: string;
  nodes: readonly OnnxNode[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
  initializers: readonly OnnxTensor[];
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  docString?: string;
  metadata?: Record<string, string>;
}

const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, INTS: 7 } as const;

function tensorProto(tensor: OnnxTensor): ProtoWriter {
  const writer = new ProtoWriter();
  writer.packedVarints(1, tensor.dims);
  writer.varint(2, tensor.dataType);
  writer.string(8, tensor.name);
  writer.bytes(9, tensor.raw);
  return writer;
}

function attributeProto(name: string, value: OnnxAttributeValue): ProtoWriter {
  const writer = new ProtoWriter().string(1, name);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}: use { float } for non-integers`);
    writer.varint(3, value).varint(20, ATTRIBUTE_TYPE.INT);
  } else if (typeof value === 'string') {
    writer.string(4, value).varint(20, ATTRIBUTE_TYPE.STRING);
  } else if (Array.isArray(value)) {
    // AttributeProto.ints is declared without [packed=true] in proto2 syntax: write unpacked
    for (const item of value as readonly number[]) writer.varint(8, item);
    writer.varint(20, ATTRIBUTE_TYPE.INTS);
  } else if ('float' in value) {
    writer.float(2, value.float).varint(20, ATTRIBUTE_TYPE.FLOAT);
  } else {
    writer.message(5, tensorProto(value as OnnxTensor)).varint(20, ATTRIBUTE_TYPE.TENSOR);
  }
  return writer;
}

function nodeProto(node: OnnxNode, index: number): ProtoWriter {
  const writer = new ProtoWriter();
  for (const input of node.inputs) writer.string(1, input);
  for (const output of node.outputs) writer.string(2, output);
  writer.string(3, node.name ?? `${node.opType.toLowerCase()}_${index}`);
  writer.string(4, node.opType);
  for (const [name, value] of Object.entries(node.attributes ?? {})) writer.message(5, attributeProto(name, value));
  return writer;
}

function valueInfoProto(info: OnnxValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const dimension of info.shape) {
    const dim = new ProtoWriter();
    if (typeof dimension === 'number') dim.varint(1, dimension);
    else dim.string(2, dimension);
    shape.message(1, dim);
  }
  const tensorType = new ProtoWriter().varint(1, info.dataType).message(2, shape);
  const type = new ProtoWriter().message(1, tensorType);
  const writer = new ProtoWriter().string(1, info.name).message(2, type);
  if (info.docString) writer.string(3, info.docString);
  return writer;
}

/** Serialises a model to the bytes of an `.onnx` file. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const graph = new ProtoWriter();
  model.nodes.forEach((node, index) => graph.message(1, nodeProto(node, index)));
  graph.string(2, model.graphName);
  for (const initializer of model.initializers) graph.message(5, tensorProto(initializer));
  for (const input of model.inputs) graph.message(11, valueInfoProto(input));
  for (const output of model.outputs) graph.message(12, valueInfoProto(output));

  const writer = new ProtoWriter();
  writer.varint(1, 8); // ir_version 8: opsets up to 17, understood by every current onnxruntime
  writer.string(2, model.producerName);
  writer.string(3, model.producerVersion);
  if (model.docString) writer.string(6, model.docString);
  writer.message(7, graph);
  writer.message(8, new ProtoWriter().string(1, '').varint(2, model.opsetVersion));
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    writer.message(14, new ProtoWriter().string(1, key).string(2, value));
  }
  return writer.finish();
}

/** Helpers that turn typed arrays into initializers. */
export function floatTensor(name: string, dims: readonly number[], values: Float32Array): OnnxTensor {
  return { name, dataType: OnnxDataType.FLOAT, dims, raw: littleEndianBytes(values) };
}

export function int8Tensor(name: string, dims: readonly number[], values: Int8Array): OnnxTensor {
  return { name, dataType: OnnxDataType.INT8, dims, raw: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
}

export function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): OnnxTensor {
  return { name, dataType: OnnxDataType.INT64, dims, raw: littleEndianBytes(BigInt64Array.from(values.map(BigInt))) };
}

function littleEndianBytes(values: Float32Array | BigInt64Array): Uint8Array {
  // every platform Node runs on is little-endian, as raw_data requires
  return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}
