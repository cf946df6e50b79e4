import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutText, layoutTextItems, type PositionedText } from './pdf-text-layout.js';

const item = (str: string, x: number, baseline: number, width: number, size = 10): PositionedText => ({ str, transform: [size, 0, 0, size, x, baseline], width, height: size });

test('every laid-out line knows where its characters are printed, through collapsed spaces and column tabs', () => {
  const items = [
    item('Họ và tên:  ', 50, 700, 60),
    item('Nguyễn   Văn An', 112, 700, 80),
    item('Giới tính: Nam', 400, 700, 70),
    item('Ngày sinh: 01/02/2000', 50, 685, 110),
    item('trang 1', 50, 100, 30),
  ];
  const layout = layoutText(items);
  assert.equal(layout.text, layoutTextItems(items));
  const lines = layout.text.split('\n');
  assert.equal(lines[0], 'Họ và tên: Nguyễn Văn An\tGiới tính: Nam');
  for (const line of layout.lines) {
    assert.equal(lines[line.lineIndex], line.text);
    for (const span of line.spans) assert.ok(span.start < span.end && span.end <= line.text.length);
  }
  const first = layout.lines[0]!;
  const name = first.spans.find((span) => first.text.slice(span.start, span.end) === 'Nguyễn Văn An');
  assert.ok(name, JSON.stringify(first.spans));
  assert.deepEqual(name.box, { left: 112, bottom: 698, right: 192, top: 708 });
  assert.equal(first.text.slice(first.spans[2]!.start, first.spans[2]!.end), 'Giới tính: Nam');
  assert.equal(layout.lines[1]!.lineIndex, 1);
  // the footer is separated by an empty line, which has no position
  assert.equal(layout.lines[2]!.lineIndex, 3);
  assert.equal(lines[2], '');
});
