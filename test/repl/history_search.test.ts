import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistorySearch } from '../../src/repl/history_search.ts';

test('Ctrl-R history search: typing narrows, Ctrl-R goes older, backspace widens, a miss says so', () => {
  const h = new HistorySearch(['sum(v)', 'x = 1', 'sum(w) + 1', 'println(x)'], 'draft');
  assert.equal(h.render(), "(reverse-i-search)`': ");
  h.type('s');
  assert.equal(h.match, 'sum(v)');
  h.type('u');
  h.next();
  assert.equal(h.match, 'sum(w) + 1');
  h.next(); // no older match: stays
  assert.equal(h.match, 'sum(w) + 1');
  h.type('q');
  assert.equal(h.match, undefined);
  assert.equal(h.render(), "(failed reverse-i-search)`suq': ");
  h.backspace();
  assert.equal(h.match, 'sum(v)');
  assert.equal(h.saved, 'draft');
});
