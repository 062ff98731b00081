// The classroom content test: every module, lesson and question in content/ must load, be
// internally consistent and render, so a broken question bank fails CI instead of a quiz.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ContentError,
  QUESTION_TYPES,
  getLesson,
  getModule,
  loadAllQuestions,
  loadModules,
  loadQuestionBank,
  loadStandardPhrases,
  normalizePhraseText,
  readClassroomContent,
  renderLessonHtml,
} from './modules';

// SPEC "Classroom content" and the content format: module ids, their order and question prefixes are fixed.
const SPEC_MODULES = [
  { id: 'dept-intro', prefix: 'dpt' },
  { id: 'service-basics', prefix: 'bas' },
  { id: 'etiquette', prefix: 'etq' },
  { id: 'service-skills', prefix: 'skl' },
  { id: 'complaints', prefix: 'cmp' },
  { id: 'work-orders', prefix: 'wko' },
] as const;

const MODULES_DIR = path.join(process.cwd(), 'content', 'modules');
const MIN_QUESTIONS_PER_MODULE = 20;
const MIN_QUESTIONS_TOTAL = 150;
// The format asks for 800–2500 characters for 5–15 minutes (~165 a minute); allow a wide band
// around that so honest estimates pass and a 5-minute label on a 4000-character lesson does not.
const CHARS_PER_MINUTE = { min: 80, max: 350 } as const;

const modules = loadModules();
const lessons = modules.flatMap((m) => m.lessons.map((lesson) => ({ moduleId: m.id, lesson })));
const questions = modules.flatMap((m) => m.questions.map((question) => ({ moduleId: m.id, question })));

function moduleFolders(): string[] {
  return fs
    .readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function duplicatesOf(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Visible text of a lesson: what a trainee actually reads, without Markdown syntax or spaces. */
function readableLength(markdown: string): number {
  return markdown.replace(/[\s#>*|`_-]/g, '').length;
}

describe('classroom modules', () => {
  it('load and validate, sorted by order', () => {
    expect(modules.length).toBeGreaterThan(0);
    const orders = modules.map((m) => m.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('have ids equal to their folder names', () => {
    expect(modules.map((m) => m.id).sort()).toEqual(moduleFolders());
    for (const folder of moduleFolders()) {
      const meta = parseYaml(fs.readFileSync(path.join(MODULES_DIR, folder, 'module.yaml'), 'utf8')) as { id?: unknown };
      expect(meta.id, `content/modules/${folder}/module.yaml`).toBe(folder);
    }
  });

  it('include every module the spec lists, in the spec order', () => {
    // Modules 4–6 are written in parallel; until they land this names the missing ones.
    const present = new Set(modules.map((m) => m.id));
    const missing = SPEC_MODULES.filter((s) => !present.has(s.id)).map((s) => s.id);
    expect(missing, 'spec modules without a content/modules folder').toEqual([]);
    const specOrder = SPEC_MODULES.map((s) => s.id) as readonly string[];
    expect(modules.map((m) => m.id).filter((id) => specOrder.includes(id))).toEqual(specOrder.filter((id) => present.has(id)));
  });

  it('use each module’s fixed question prefix', () => {
    for (const { moduleId, question } of questions) {
      const spec = SPEC_MODULES.find((s) => s.id === moduleId);
      if (spec) expect(question.id.slice(0, 4), `${moduleId}: ${question.id}`).toBe(`${spec.prefix}-`);
    }
  });

  it('have lesson ids unique across all modules', () => {
    expect(duplicatesOf(lessons.map((l) => l.lesson.id))).toEqual([]);
  });

  it('have question ids unique across all modules', () => {
    expect(duplicatesOf(questions.map((q) => q.question.id))).toEqual([]);
  });

  it('each have enough questions, of all four types', () => {
    for (const m of modules) {
      expect(m.questions.length, `${m.id} questions`).toBeGreaterThanOrEqual(MIN_QUESTIONS_PER_MODULE);
      const types = new Set(m.questions.map((q) => q.type));
      expect([...QUESTION_TYPES].filter((t) => !types.has(t)), `${m.id}: question types missing`).toEqual([]);
    }
  });

  it('hold enough questions in total for the business-knowledge exam', () => {
    // Until modules 4–6 land this fails with the current total, which is the point.
    expect(loadAllQuestions().length).toBeGreaterThanOrEqual(MIN_QUESTIONS_TOTAL);
  });
});

describe('questions', () => {
  it.each(questions.map((q) => [q.question.id, q] as const))('%s has a valid answer key', (_id, { question: q }) => {
    const optionIds = q.options.map((o) => o.id);
    expect(duplicatesOf(optionIds)).toEqual([]);
    for (const id of q.answer) expect(optionIds).toContain(id);
    expect(duplicatesOf(q.answer)).toEqual([]);
    switch (q.type) {
      case 'single':
      case 'phrase':
        expect(q.answer).toHaveLength(1);
        break;
      case 'truefalse':
        expect(q.answer).toHaveLength(1);
        expect(q.options).toEqual([
          { id: 't', text: '正确' },
          { id: 'f', text: '错误' },
        ]);
        break;
      case 'multiple':
        expect(q.answer.length).toBeGreaterThanOrEqual(2);
        expect(q.answer.length).toBeLessThan(q.options.length);
        break;
    }
    expect(q.explanation.trim()).not.toBe('');
    expect(q.source.trim()).not.toBe('');
  });

  it.each(questions.map((q) => [q.question.id, q] as const))('%s checks a lesson of its own module', (_id, { moduleId, question }) => {
    expect(getLesson(moduleId, question.lesson), `${question.lesson} in ${moduleId}`).toBeDefined();
  });
});

describe('lessons', () => {
  it.each(lessons.map((l) => [l.lesson.id, l] as const))('%s renders to safe, non-empty HTML', (_id, { lesson }) => {
    const html = renderLessonHtml(lesson.markdown);
    expect(html.replace(/<[^>]*>/g, '').trim()).not.toBe('');
    expect(html).not.toMatch(/<script/i);
    // A ** left in the output is emphasis that CommonMark refused to close, usually "。**" before a CJK character.
    expect(html, 'unrendered ** emphasis').not.toContain('**');
  });

  it.each(lessons.map((l) => [l.lesson.id, l] as const))('%s has an honest reading time', (_id, { lesson }) => {
    expect(lesson.minutes).toBeGreaterThanOrEqual(5);
    expect(lesson.minutes).toBeLessThanOrEqual(15);
    const perMinute = readableLength(lesson.markdown) / lesson.minutes;
    expect(perMinute, `${lesson.id}: characters per minute`).toBeGreaterThanOrEqual(CHARS_PER_MINUTE.min);
    expect(perMinute, `${lesson.id}: characters per minute`).toBeLessThanOrEqual(CHARS_PER_MINUTE.max);
  });

  it('are found by module and lesson id, in the order module.yaml lists them', () => {
    for (const m of modules) {
      const meta = parseYaml(fs.readFileSync(path.join(MODULES_DIR, m.id, 'module.yaml'), 'utf8')) as { lessons: string[] };
      expect(m.lessons.map((l) => l.id)).toEqual(meta.lessons);
      for (const lesson of m.lessons) expect(getLesson(m.id, lesson.id)).toBe(lesson);
    }
    expect(getLesson('dept-intro', 'no-such-lesson')).toBeUndefined();
    expect(getModule('no-such-module')).toBeUndefined();
  });
});

describe('standard phrases', () => {
  const phrases = loadStandardPhrases();

  it('list the source’s 服务标准用语', () => {
    // seeds/002 二、服务标准用语 has 16 phrases; the procedure adds a few more.
    expect(phrases.length).toBeGreaterThanOrEqual(16);
    expect(phrases.map((p) => normalizePhraseText(p.phrase))).toContain(normalizePhraseText('您好,请问有什么可以帮到您?'));
  });

  it('each appear in some lesson or question', () => {
    const corpus = normalizePhraseText(
      [
        ...lessons.map((l) => l.lesson.markdown),
        ...questions.flatMap(({ question: q }) => [q.prompt, q.explanation, ...q.options.map((o) => o.text)]),
      ].join('\n'),
    );
    const absent = phrases.filter((p) => !corpus.includes(normalizePhraseText(p.phrase))).map((p) => p.phrase);
    expect(absent, 'standard phrases no lesson or question uses').toEqual([]);
  });

  it('match regardless of punctuation width and spacing', () => {
    expect(normalizePhraseText('对不起，X先生/小姐，让您久等了！')).toBe(normalizePhraseText('对不起, X先生/小姐,让您久等了!'));
    expect(normalizePhraseText('**谢谢，请记录……**')).toBe(normalizePhraseText('谢谢,请记录...'));
  });
});

describe('loader API', () => {
  it('returns a module’s question bank and every question tagged with its module', () => {
    const first = modules[0]!;
    expect(loadQuestionBank(first.id)).toBe(first.questions);
    expect(() => loadQuestionBank('no-such-module')).toThrow();
    const all = loadAllQuestions();
    expect(all).toHaveLength(questions.length);
    for (const q of all) expect(getModule(q.moduleId)?.questions.some((mq) => mq.id === q.id)).toBe(true);
  });

  it('escapes raw HTML instead of rendering it', () => {
    const html = renderLessonHtml('<script>alert(1)</script>\n\n正文 <b onclick="x()">加粗</b>\n\n## 小标题');
    expect(html).not.toMatch(/<script|<b[\s>]/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<h2');
  });

  it('shares cached content that cannot be mutated by a caller', () => {
    expect(loadModules()).toBe(modules);
    const q = modules[0]!.questions[0]!;
    expect(() => (q.options as unknown[]).reverse()).toThrow(TypeError);
  });
});

describe('validation errors', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function fixture(files: Record<string, string>): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classroom-content-'));
    for (const [rel, body] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), body);
    }
    return dir;
  }

  const moduleYaml = 'id: demo\norder: 1\ntitle: 示例\nsummary: 示例模块。\nblock: etiquette\nrequiredFor: [A, B]\nlessons:\n  - demo-lesson\n';
  const lessonMd = '---\nid: demo-lesson\ntitle: 示例课\nminutes: 5\nsources: ["seeds/002"]\n---\n正文。\n';
  const question = (answer: string) =>
    `- id: dem-001\n  type: single\n  prompt: 问题？\n  options:\n    - { id: a, text: 甲 }\n    - { id: b, text: 乙 }\n    - { id: c, text: 丙 }\n  answer: [${answer}]\n  explanation: 因为。\n  source: seeds/002\n  lesson: demo-lesson\n`;
  const phrasesYaml = '- { phrase: "您好，请讲！", situation: 开头 }\n';

  function errorOf(contentDir: string): ContentError {
    try {
      readClassroomContent(contentDir);
    } catch (err) {
      if (err instanceof ContentError) return err;
      throw err;
    }
    throw new Error('expected a ContentError');
  }

  it('accept a well-formed fixture', () => {
    const root = fixture({
      'modules/demo/module.yaml': moduleYaml,
      'modules/demo/lessons/demo-lesson.md': lessonMd,
      'modules/demo/questions.yaml': question('a'),
      'standard-phrases.yaml': phrasesYaml,
    });
    const content = readClassroomContent(root);
    expect(content.modules[0]?.lessons[0]?.markdown.trim()).toBe('正文。');
  });

  it('name the question file and the question’s field', () => {
    const root = fixture({
      'modules/demo/module.yaml': moduleYaml,
      'modules/demo/lessons/demo-lesson.md': lessonMd,
      'modules/demo/questions.yaml': question('z'),
      'standard-phrases.yaml': phrasesYaml,
    });
    const err = errorOf(root);
    expect(err.file).toMatch(/modules[\\/]demo[\\/]questions\.yaml$/);
    expect(err.message).toContain('dem-001 (#1).answer');
  });

  it('name the lesson file and the front-matter field', () => {
    const root = fixture({
      'modules/demo/module.yaml': moduleYaml,
      'modules/demo/lessons/demo-lesson.md': lessonMd.replace('minutes: 5', 'minutes: 40'),
      'modules/demo/questions.yaml': question('a'),
      'standard-phrases.yaml': phrasesYaml,
    });
    const err = errorOf(root);
    expect(err.file).toMatch(/demo-lesson\.md$/);
    expect(err.message).toContain('minutes:');
  });

  it('name module.yaml when its id is not the folder name', () => {
    const root = fixture({
      'modules/demo/module.yaml': moduleYaml.replace('id: demo', 'id: other'),
      'modules/demo/lessons/demo-lesson.md': lessonMd,
      'modules/demo/questions.yaml': question('a'),
      'standard-phrases.yaml': phrasesYaml,
    });
    const err = errorOf(root);
    expect(err.file).toMatch(/module\.yaml$/);
    expect(err.message).toContain('id: other must equal the folder name demo');
  });

  it('name a question whose lesson is not in its module', () => {
    const root = fixture({
      'modules/demo/module.yaml': moduleYaml,
      'modules/demo/lessons/demo-lesson.md': lessonMd,
      'modules/demo/questions.yaml': question('a').replace('lesson: demo-lesson', 'lesson: elsewhere'),
      'standard-phrases.yaml': phrasesYaml,
    });
    expect(errorOf(root).message).toContain('dem-001.lesson: elsewhere is not a lesson of this module');
  });
});
