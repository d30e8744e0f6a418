import type { FieldProblem } from '../../lib/errors.ts';
import type { Answers, Question } from './schema.ts';

const TEXT_MAX = 2000;

/**
 * Checks a member's answers against the questions: each problem names the question, so the app can
 * show it beside it. Returns the answers as stored: known questions only, text trimmed, blanks left out.
 */
export function checkAnswers(questions: Question[], given: Answers): { answers: Answers; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const answers: Answers = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(given))
    if (!known.has(id))
      problems.push({
        field: `answers.${id}`,
        vi: `Khảo sát không có câu hỏi «${id}».`,
        en: `The survey has no question «${id}».`,
      });
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const say = (vi: string, en: string) =>
      problems.push({ field, vi: `Câu «${q.text}»: ${vi}`, en: `«${q.text}»: ${en}` });
    const value = given[q.id];
    const blank =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && !value.length);
    if (blank) {
      if (q.required) say('cần trả lời câu hỏi này.', 'this question needs an answer.');
      continue;
    }
    if (q.kind === 'text') {
      if (typeof value !== 'string') say('trả lời bằng một đoạn chữ.', 'answer with text.');
      else if (value.trim().length > TEXT_MAX)
        say(`câu trả lời tối đa ${TEXT_MAX} ký tự.`, `the answer may hold at most ${TEXT_MAX} characters.`);
      else answers[q.id] = value.trim();
    } else if (q.kind === 'single') {
      if (typeof value !== 'string') say('chọn đúng một phương án.', 'choose exactly one option.');
      else if (!q.options.includes(value))
        say(`«${value}» không phải là phương án của câu hỏi.`, `«${value}» is not one of the options.`);
      else answers[q.id] = value;
    } else {
      const list = typeof value === 'string' ? [value] : value;
      const unknown = list.filter((v) => !q.options.includes(v));
      if (unknown.length > 0)
        say(
          `«${unknown.join('», «')}» không phải là phương án của câu hỏi.`,
          `«${unknown.join('», «')}» ${unknown.length > 1 ? 'are' : 'is'} not among the options.`,
        );
      else if (new Set(list).size !== list.length)
        say('một phương án được chọn hai lần.', 'an option is chosen twice.');
      else answers[q.id] = q.options.filter((o) => list.includes(o));
    }
  }
  return { answers, problems };
}

/** Tallies of one question over the responses: option counts (share of those who answered) or the texts. */
export function tally(q: Question, responses: Answers[]) {
  const given = responses.map((r) => r[q.id]).filter((v) => v !== undefined);
  const count = (o: string) => given.filter((v) => v === o || (Array.isArray(v) && v.includes(o))).length;
  return {
    id: q.id,
    text: q.text,
    kind: q.kind,
    required: q.required,
    answeredCount: given.length,
    options:
      q.kind === 'text'
        ? []
        : q.options.map((option) => {
            const n = count(option);
            return { option, count: n, share: given.length > 0 ? n / given.length : 0 };
          }),
    textAnswers:
      q.kind === 'text'
        ? given.filter((v): v is string => typeof v === 'string').sort((a, b) => a.localeCompare(b, 'vi'))
        : [],
  };
}
