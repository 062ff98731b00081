// Loads the classroom content: content/modules/<module-id>/{module.yaml, lessons/<lesson-id>.md,
// questions.yaml} and content/standard-phrases.yaml. Everything is validated with zod when it is
// read, so a broken lesson or question fails lib/content/modules.test.ts (and CI) instead of a
// trainee's quiz. Errors name the file and the field ("…/questions.yaml: etq-004.answer: …").
// SPEC "Classroom content": the source's four blocks become modules; each module's quiz and the
// business-knowledge exam draw from these question banks.
import fs from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '@/lib/errors';

export const TRAINEE_CLASSES = ['A', 'B'] as const;
export type TraineeClass = (typeof TRAINEE_CLASSES)[number];

// seeds/000 篇二 四(一): 部门简介, 外呼基础知识, 客户服务礼仪及规范, 客户服务技巧.
export const MODULE_BLOCKS = ['dept_intro', 'basics', 'etiquette', 'skills'] as const;
export type ModuleBlock = (typeof MODULE_BLOCKS)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'phrase'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const LESSON_MINUTES = { min: 5, max: 15 } as const;

const TRUE_FALSE_OPTIONS = [
  { id: 't', text: '正确' },
  { id: 'f', text: '错误' },
] as const;

const text = z.string().trim().min(1);
const kebabId = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be kebab-case ascii');
const optionId = z.string().regex(/^[a-z][a-z0-9]*$/, 'option ids are lower-case ascii, e.g. a, b, t, f');

export const moduleMetaSchema = z
  .object({
    id: kebabId,
    order: z.number().int().positive(),
    title: text,
    summary: text,
    block: z.enum(MODULE_BLOCKS),
    requiredFor: z.array(z.enum(TRAINEE_CLASSES)),
    lessons: z.array(kebabId).min(1),
  })
  .strict()
  .superRefine((meta, ctx) => {
    for (const dup of duplicates(meta.requiredFor)) ctx.addIssue({ code: 'custom', path: ['requiredFor'], message: `lists ${dup} twice` });
    for (const dup of duplicates(meta.lessons)) ctx.addIssue({ code: 'custom', path: ['lessons'], message: `lists ${dup} twice` });
  });

export const lessonFrontMatterSchema = z
  .object({
    id: kebabId,
    title: text,
    minutes: z.number().int().min(LESSON_MINUTES.min).max(LESSON_MINUTES.max),
    sources: z.array(text).min(1),
  })
  .strict();

const optionSchema = z.object({ id: optionId, text }).strict();

export const questionSchema = z
  .object({
    // The 3-letter prefix is the module's (dpt, bas, etq, …), which keeps ids unique across banks.
    id: z.string().regex(/^[a-z]{3}-\d{3}$/, 'must be the module prefix and three digits, e.g. etq-001'),
    type: z.enum(QUESTION_TYPES),
    prompt: text,
    options: z.array(optionSchema).min(2),
    answer: z.array(optionId).min(1),
    explanation: text,
    source: text,
    lesson: kebabId,
  })
  .strict()
  .superRefine((q, ctx) => {
    for (const issue of answerKeyProblems(q)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });

export const standardPhraseSchema = z.object({ phrase: text, situation: text }).strict();

export type ModuleMeta = z.infer<typeof moduleMetaSchema>;
export type QuestionOption = z.infer<typeof optionSchema>;
export type ClassroomQuestion = z.infer<typeof questionSchema>;
export type BankQuestion = ClassroomQuestion & { moduleId: string };
export type StandardPhrase = z.infer<typeof standardPhraseSchema>;

export type Lesson = {
  id: string;
  title: string;
  minutes: number;
  sources: string[];
  /** The lesson body without its front matter; render with renderLessonHtml. */
  markdown: string;
};

export type ClassroomModule = {
  id: string;
  order: number;
  title: string;
  summary: string;
  block: ModuleBlock;
  requiredFor: TraineeClass[];
  lessons: Lesson[];
  questions: ClassroomQuestion[];
};

/** A content file that failed validation; `problems` are "field: message" lines. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/**
 * What makes an answer key usable by the quiz: the keyed options exist, the count fits the type
 * (multiple: at least two and not all, or "tick everything" would always score), and true/false
 * items use the fixed t/f options so the UI can render them as two buttons.
 */
export function answerKeyProblems(q: Pick<ClassroomQuestion, 'type' | 'options' | 'answer'>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const optionIds = q.options.map((o) => o.id);
  for (const dup of duplicates(optionIds)) problems.push({ field: 'options', message: `option id ${dup} is used twice` });
  for (const dup of duplicates(q.options.map((o) => o.text.trim()))) problems.push({ field: 'options', message: `two options read "${dup}"` });
  for (const dup of duplicates(q.answer)) problems.push({ field: 'answer', message: `lists ${dup} twice` });
  for (const id of q.answer) {
    if (!optionIds.includes(id)) problems.push({ field: 'answer', message: `${id} is not one of the options (${optionIds.join(', ')})` });
  }
  const keyed = new Set(q.answer).size;
  switch (q.type) {
    case 'single':
    case 'phrase':
      if (keyed !== 1) problems.push({ field: 'answer', message: `${q.type} questions have exactly one answer, found ${keyed}` });
      if (q.options.length < 3) problems.push({ field: 'options', message: `${q.type} questions need at least 3 options` });
      if (q.type === 'phrase' && q.options.length > 4) problems.push({ field: 'options', message: 'phrase questions offer 3–4 phrases' });
      break;
    case 'multiple':
      if (keyed < 2) problems.push({ field: 'answer', message: `multiple questions have at least two answers, found ${keyed}` });
      if (keyed >= q.options.length) problems.push({ field: 'answer', message: 'multiple questions must leave at least one option unkeyed' });
      break;
    case 'truefalse': {
      const exact =
        q.options.length === TRUE_FALSE_OPTIONS.length &&
        TRUE_FALSE_OPTIONS.every((tf, i) => q.options[i]?.id === tf.id && q.options[i]?.text === tf.text);
      if (!exact) problems.push({ field: 'options', message: 'truefalse options are exactly { id: t, text: 正确 } and { id: f, text: 错误 }' });
      if (keyed !== 1) problems.push({ field: 'answer', message: `truefalse questions have exactly one answer, found ${keyed}` });
      break;
    }
  }
  return problems;
}

type ClassroomContent = {
  modules: ClassroomModule[];
  phrases: StandardPhrase[];
};

/**
 * Reads and validates every module and the standard phrases under `contentDir`, without caching.
 * Throws ContentError naming the first broken file, or listing every cross-file problem.
 */
export function readClassroomContent(contentDir: string): ClassroomContent {
  const modulesDir = path.join(contentDir, 'modules');
  const folders = fs
    .readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const modules = folders.map((folder) => readModule(path.join(modulesDir, folder), folder));
  checkAcrossModules(modules, modulesDir);
  modules.sort((a, b) => a.order - b.order);
  return { modules, phrases: readStandardPhrases(path.join(contentDir, 'standard-phrases.yaml')) };
}

let cached: ClassroomContent | undefined;

function content(): ClassroomContent {
  // Frozen because every request shares these objects: an in-place shuffle of a question's
  // options would otherwise reorder them for every trainee until the server restarts.
  cached ??= deepFreeze(readClassroomContent(path.join(process.cwd(), 'content')));
  return cached;
}

/** Every classroom module, sorted by `order`, each with its lessons in reading order and its question bank. */
export function loadModules(): ClassroomModule[] {
  return content().modules;
}

export function getModule(moduleId: string): ClassroomModule | undefined {
  return loadModules().find((m) => m.id === moduleId);
}

export function getLesson(moduleId: string, lessonId: string): Lesson | undefined {
  return getModule(moduleId)?.lessons.find((l) => l.id === lessonId);
}

/** The module's question bank; an unknown module is a not_found error, not an empty quiz. */
export function loadQuestionBank(moduleId: string): ClassroomQuestion[] {
  const mod = getModule(moduleId);
  if (!mod) throw new AppError('not_found', `no classroom module ${moduleId}`);
  return mod.questions;
}

/** Every question of every module, tagged with its module: the business-knowledge exam draws from all banks. */
export function loadAllQuestions(): BankQuestion[] {
  return loadModules().flatMap((m) => m.questions.map((q) => ({ ...q, moduleId: m.id })));
}

/** The hotline's standard phrases (seeds/002 服务标准用语), in the source's order. */
export function loadStandardPhrases(): StandardPhrase[] {
  return content().phrases;
}

/**
 * Folds the ways the same phrase can be typed (full/half-width punctuation, spacing, Markdown
 * emphasis) so that "您好，请问有什么可以帮到您？" matches "您好,请问有什么可以帮到您?".
 */
export function normalizePhraseText(s: string): string {
  return s.normalize('NFKC').replace(/[\p{P}\p{S}\s]/gu, '');
}

// Lessons are trusted repo files, but raw HTML in them is still shown as text: the format allows
// none, and escaping means a stray <script> or <iframe> can never reach a trainee's browser.
const lessonMarkdown = new Marked({
  gfm: true,
  renderer: {
    html({ text: raw }) {
      return escapeHtml(raw);
    },
  },
});

export function renderLessonHtml(markdown: string): string {
  return lessonMarkdown.parse(markdown, { async: false });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function readModule(dir: string, folder: string): ClassroomModule {
  const metaFile = path.join(dir, 'module.yaml');
  const meta = validate(moduleMetaSchema, readYamlFile(metaFile), metaFile);
  if (meta.id !== folder) fail(metaFile, [`id: ${meta.id} must equal the folder name ${folder}`]);

  const lessonsDir = path.join(dir, 'lessons');
  const lessonFiles = fs.existsSync(lessonsDir) ? fs.readdirSync(lessonsDir).filter((f) => f.endsWith('.md')) : [];
  const missing = meta.lessons.flatMap((id, i) => (lessonFiles.includes(`${id}.md`) ? [] : [`lessons[${i}]: no file lessons/${id}.md`]));
  const unlisted = lessonFiles.filter((f) => !meta.lessons.includes(f.slice(0, -'.md'.length)));
  if (missing.length > 0 || unlisted.length > 0) {
    fail(metaFile, [...missing, ...unlisted.map((f) => `lessons: lessons/${f} exists but is not listed`)]);
  }
  const lessons = meta.lessons.map((id) => readLesson(path.join(lessonsDir, `${id}.md`), id));

  const questionsFile = path.join(dir, 'questions.yaml');
  const questions = readQuestionBank(questionsFile, new Set(meta.lessons));

  return {
    id: meta.id,
    order: meta.order,
    title: meta.title,
    summary: meta.summary,
    block: meta.block,
    requiredFor: meta.requiredFor,
    lessons,
    questions,
  };
}

function readLesson(file: string, expectedId: string): Lesson {
  const { data, body } = splitFrontMatter(fs.readFileSync(file, 'utf8'), file);
  const front = validate(lessonFrontMatterSchema, data, file);
  if (front.id !== expectedId) fail(file, [`id: ${front.id} must equal the file name ${expectedId}`]);
  if (body.trim().length === 0) fail(file, ['body: the lesson has no text after its front matter']);
  return { ...front, markdown: body };
}

function readQuestionBank(file: string, lessonIds: ReadonlySet<string>): ClassroomQuestion[] {
  const raw = readYamlFile(file);
  const questions = validate(z.array(questionSchema).min(1), raw, file, (index) => questionLabel(raw, index));
  const problems: string[] = [];
  for (const dup of duplicates(questions.map((q) => q.id))) problems.push(`${dup}.id: used by more than one question`);
  const prefixes = new Set(questions.map((q) => questionPrefix(q.id)));
  if (prefixes.size > 1) problems.push(`id: one bank uses one prefix, found ${[...prefixes].join(', ')}`);
  for (const q of questions) {
    if (!lessonIds.has(q.lesson)) problems.push(`${q.id}.lesson: ${q.lesson} is not a lesson of this module`);
  }
  if (problems.length > 0) fail(file, problems);
  return questions;
}

function readStandardPhrases(file: string): StandardPhrase[] {
  const phrases = validate(z.array(standardPhraseSchema).min(1), readYamlFile(file), file);
  const problems = duplicates(phrases.map((p) => normalizePhraseText(p.phrase))).map((dup) => `phrase: "${dup}" is listed twice`);
  if (problems.length > 0) fail(file, problems);
  return phrases;
}

/** Ids must be unique across modules: quiz attempts and lesson progress refer to them alone. */
function checkAcrossModules(modules: readonly ClassroomModule[], modulesDir: string): void {
  const problems: string[] = [];
  const where = (m: ClassroomModule) => path.join(displayPath(modulesDir), m.id);
  for (const dup of duplicates(modules.map((m) => m.order))) {
    problems.push(`order ${dup} is used by ${modules.filter((m) => m.order === dup).map(where).join(' and ')}`);
  }
  const lessonOwner = new Map<string, string>();
  const questionOwner = new Map<string, string>();
  const prefixOwner = new Map<string, string>();
  for (const m of modules) {
    for (const lesson of m.lessons) {
      const owner = lessonOwner.get(lesson.id);
      if (owner) problems.push(`lesson id ${lesson.id} is used by both ${owner} and ${where(m)}`);
      lessonOwner.set(lesson.id, where(m));
    }
    for (const q of m.questions) {
      const owner = questionOwner.get(q.id);
      if (owner) problems.push(`question id ${q.id} is used by both ${owner} and ${where(m)}`);
      questionOwner.set(q.id, where(m));
    }
    const prefix = m.questions[0] && questionPrefix(m.questions[0].id);
    if (prefix) {
      const owner = prefixOwner.get(prefix);
      if (owner) problems.push(`question prefix ${prefix} is used by both ${owner} and ${where(m)}`);
      prefixOwner.set(prefix, where(m));
    }
  }
  if (problems.length > 0) fail(modulesDir, problems);
}

function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') fail(file, ['front matter: the file must start with a --- line']);
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end === -1) fail(file, ['front matter: no closing --- line']);
  return { data: parseYamlText(lines.slice(1, end).join('\n'), file, 'front matter'), body: lines.slice(end + 1).join('\n') };
}

function readYamlFile(file: string): unknown {
  if (!fs.existsSync(file)) fail(file, ['file: missing']);
  return parseYamlText(fs.readFileSync(file, 'utf8'), file, 'yaml');
}

function parseYamlText(source: string, file: string, what: string): unknown {
  try {
    return parseYaml(source);
  } catch (err) {
    return fail(file, [`${what}: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown, file: string, label: (index: number) => string = (i) => `#${i + 1}`): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  fail(
    file,
    result.error.issues.map((issue) => `${fieldPath(issue.path, label)}: ${issue.message}`),
  );
}

/** Turns zod's [3, 'answer'] into "etq-004.answer" so an author can find the question by its id. */
function fieldPath(issuePath: readonly PropertyKey[], label: (index: number) => string): string {
  if (issuePath.length === 0) return '(file)';
  return issuePath
    .map((part, i) => (typeof part === 'number' ? (i === 0 ? label(part) : `[${part}]`) : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function questionLabel(raw: unknown, index: number): string {
  const item: unknown = Array.isArray(raw) ? raw[index] : undefined;
  const id = item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `${id} (#${index + 1})` : `#${index + 1}`;
}

function questionPrefix(id: string): string {
  return id.slice(0, 3);
}

function fail(file: string, problems: readonly string[]): never {
  throw new ContentError(displayPath(file), problems);
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dups = new Set<T>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
