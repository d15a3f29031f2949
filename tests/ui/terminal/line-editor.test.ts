import { describe, expect, it } from 'vitest';
import { LineEditor } from '../../../src/ui/terminal/line-editor';
import { FakeScreen } from './screen';

function setup(width = 20, prompt = '$ ') {
  const screen = new FakeScreen(width);
  const ed = new LineEditor({ write: (d) => screen.write(d), cols: () => width });
  ed.start(prompt, prompt.length);
  return { screen, ed };
}

describe('LineEditor', () => {
  it('echoes typed text after the prompt and keeps the cursor at the end', () => {
    const { screen, ed } = setup();
    ed.insert('kubectl get');
    expect(screen.text()).toBe('$ kubectl get');
    expect(screen.cursor()).toEqual({ row: 0, col: 13 });
  });

  it.each([
    ['left then insert', (e: LineEditor) => (e.left(), e.left(), e.insert('X')), 'abcXde', 4],
    ['home then insert', (e: LineEditor) => (e.home(), e.insert('X')), 'Xabcde', 1],
    ['backspace in the middle', (e: LineEditor) => (e.left(), e.backspace()), 'abce', 3],
    ['delete forward at home', (e: LineEditor) => (e.home(), e.deleteForward()), 'bcde', 0],
    ['kill to end (Ctrl-K)', (e: LineEditor) => (e.left(), e.left(), e.killToEnd()), 'abc', 3],
    ['kill to start (Ctrl-U)', (e: LineEditor) => (e.left(), e.killToStart()), 'e', 0],
    ['yank after kill', (e: LineEditor) => (e.killToStart(), e.end(), e.yank()), 'abcde', 5],
    ['transpose (Ctrl-T)', (e: LineEditor) => e.transpose(), 'abced', 5],
  ])('%s', (_name, act, text, cursor) => {
    const { screen, ed } = setup();
    ed.insert('abcde');
    act(ed);
    expect(ed.buffer).toBe(text);
    expect(ed.cursor).toBe(cursor);
    expect(screen.text()).toBe('$ ' + text);
    expect(screen.cursor()).toEqual({ row: 0, col: 2 + cursor });
  });

  it('moves and kills by words like readline', () => {
    const { ed } = setup(80);
    ed.insert('kubectl get pods -n kube-system');
    ed.wordLeft();
    expect(ed.cursor).toBe('kubectl get pods -n kube-'.length);
    ed.wordLeft();
    ed.wordLeft();
    expect(ed.cursor).toBe('kubectl get pods -'.length);
    ed.wordRight();
    expect(ed.cursor).toBe('kubectl get pods -n'.length);
    ed.end();
    ed.killWordBack();
    expect(ed.buffer).toBe('kubectl get pods -n ');
    ed.killAlnumWordBack();
    expect(ed.buffer).toBe('kubectl get pods -');
  });

  it('wraps long input over several rows and edits across the wrap', () => {
    const { screen, ed } = setup(10);
    ed.insert('0123456789abcdef');
    expect(screen.text()).toBe('$ 01234567\n89abcdef');
    expect(screen.cursor()).toEqual({ row: 1, col: 8 });
    ed.home();
    expect(screen.cursor()).toEqual({ row: 0, col: 2 });
    ed.insert('X');
    expect(screen.text()).toBe('$ X0123456\n789abcdef');
    ed.end();
    expect(screen.cursor()).toEqual({ row: 1, col: 9 });
  });

  it('handles input that exactly fills a row (pending wrap)', () => {
    const { screen, ed } = setup(10);
    ed.insert('01234567');
    expect(screen.cursor()).toEqual({ row: 1, col: 0 });
    ed.insert('8');
    expect(screen.text()).toBe('$ 01234567\n8');
    ed.backspace();
    ed.backspace();
    expect(screen.text()).toBe('$ 0123456');
    expect(screen.cursor()).toEqual({ row: 0, col: 9 });
  });

  it('hides and shows the input around printed output', () => {
    const { screen, ed } = setup(20);
    ed.insert('draft');
    ed.hide();
    screen.write('event line\r\n');
    ed.show();
    expect(screen.text()).toBe('event line\n$ draft');
    expect(screen.cursor()).toEqual({ row: 1, col: 7 });
  });

  it('commit moves below the input and returns it', () => {
    const { screen, ed } = setup(20);
    ed.insert('echo hi');
    ed.home();
    expect(ed.commit()).toBe('echo hi');
    expect(screen.cursor()).toEqual({ row: 1, col: 0 });
    expect(ed.active).toBe(false);
  });

  it('drops control characters from inserted text', () => {
    const { ed } = setup(40);
    ed.insert('a\x1b[2Jb\tc');
    expect(ed.buffer).toBe('a[2Jb    c');
  });
});
