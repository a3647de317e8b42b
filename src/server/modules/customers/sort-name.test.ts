// The pinyin sort key: Han as toneless syllables, Latin lower-cased, so Chinese and Latin names interleave.
import { describe, expect, it } from 'vitest';
import { sortName } from './sort-name.js';

describe('sortName', () => {
  it('spells Han characters as pinyin syllables and lower-cases Latin', () => {
    expect(sortName('张三')).toBe('zhang san');
    expect(sortName('Zhang')).toBe('zhang');
    expect(sortName('赵')).toBe('zhao');
    expect(sortName('  Émile  Zola ')).toBe('emile zola');
    expect(sortName('吕布')).toBe('lu bu');
    expect(sortName('曾国藩')).toBe('zeng guo fan');
    expect(sortName(null)).toBe('');
  });

  it('puts 张 between Zhang and Zhao', () => {
    const names = ['Zhao Lei', '张三', 'Alice', '赵敏', '王五', 'Zhang Wei'];
    expect([...names].sort((a, b) => (sortName(a) < sortName(b) ? -1 : 1))).toEqual(['Alice', '王五', '张三', 'Zhang Wei', 'Zhao Lei', '赵敏']);
  });
});
