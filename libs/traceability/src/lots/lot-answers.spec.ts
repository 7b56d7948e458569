import { describe, expect, it } from '@jest/globals';
import { LotAnswers } from './lot-answers.js';

const bytes = (text: string) => Buffer.from(text);

describe('LotAnswers', () => {
  it('gives an answer out only for the version it was kept under', () => {
    const answers = new LotAnswers(10);
    answers.keep('lot-1', '7,3,4,,', bytes('{"a":1}'));
    expect(answers.get('lot-1', '7,3,4,,')?.toString()).toBe('{"a":1}');
    expect(answers.get('lot-1', '8,3,4,,')).toBeUndefined();
    expect(answers.get('lot-2', '7,3,4,,')).toBeUndefined();
    answers.keep('lot-1', '8,3,4,,', bytes('{"a":2}'));
    expect(answers.get('lot-1', '7,3,4,,')).toBeUndefined();
    expect(answers.get('lot-1', '8,3,4,,')?.toString()).toBe('{"a":2}');
  });

  it('keeps the answers kept last and lets the first go, no more than twice max', () => {
    const answers = new LotAnswers(3);
    const ids = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    for (const id of ids) answers.keep(id, 'v', bytes(id));
    const kept = [...ids].reverse().filter((id) => answers.get(id, 'v'));
    expect(kept.slice(0, 3)).toEqual(['10', '9', '8']);
    expect(kept).not.toContain('1');
    expect(kept.length).toBeLessThanOrEqual(6);
  });

  it('remembers pages asked for lately, no more than the answers kept can fill', () => {
    const answers = new LotAnswers(100); // two pages a generation (50 lots a page)
    expect(answers.askedBefore('org-1 page-1')).toBe(false);
    expect(answers.askedBefore('org-1 page-1')).toBe(true);
    expect(answers.askedBefore('org-2 page-1')).toBe(false);
    for (const page of ['p3', 'p4', 'p5', 'p6']) answers.askedBefore(page);
    expect(answers.askedBefore('org-1 page-1')).toBe(false);
  });
});
