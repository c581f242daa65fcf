import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import Review from './Review.svelte';
import SaySomething from './SaySomething.svelte';
import Shared from './Shared.svelte';
import { setLanguage } from '../lib/i18n.svelte';
import { URGENT_STATEMENT_KINDS, type QuestionSetView, type StatementView } from '../lib/bindings';
import { mockCommands } from '../fake/backend';

const questions: QuestionSetView = {
  id: 'review', version: 1, title: 'Get ready for my review',
  questions: [
    { id: 'home', section: 'How things are going', kind: 'face', prompt: 'How are things at home?', hint: null, choices: [], language: 'en-GB' },
    { id: 'worries', section: 'Worries', kind: 'words', prompt: 'Is anything worrying you?', hint: null, choices: [], language: 'en-GB' },
  ],
};

function backend(statements: StatementView[], failWords = false) {
  const find = (id: string) => statements.find((s) => s.id === id)!;
  return mockCommands({
    question_set: () => questions,
    helplines: () => [{ id: 'childline', number: '0800 1111' }, { id: 'emergency', number: '999' }],
    list_statements: () => statements,
    start_statement: ({ kind }) => {
      const s: StatementView = { id: `s${statements.length + 1}`, kind, status: 'draft', urgent: URGENT_STATEMENT_KINDS.includes(kind), words: null, answers: [], history: [{ status: 'draft', at: '2026-11-20T10:00:00Z' }], responses: [], updated_at: '2026-11-20T10:00:00Z' };
      statements.push(s);
      return s;
    },
    save_answer: ({ id, answer }) => {
      const s = find(id);
      s.answers = s.answers.filter((x) => x.question_id !== answer.question_id).concat([answer]);
      return s;
    },
    save_words: ({ id, words }) => {
      if (failWords) throw { code: 'too_long', message: 'Your words: this is too long.', values: { field: 'words', max: '20000', actual: '20001' } };
      const s = find(id);
      s.words = words;
      return s;
    },
    set_statement_status: ({ id, status }) => {
      const s = find(id);
      s.status = status;
      s.history.push({ status, at: '2026-11-21T10:00:00Z' });
      return s;
    },
  });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('get ready for my review', () => {
  it('asks one question at a time, saves each answer, and ends with a summary to mark ready', async () => {
    const statements: StatementView[] = [];
    backend(statements);
    let done = 0;
    render(Review, { ondone: () => done++ });
    expect(await screen.findByTestId('question')).toHaveTextContent('How are things at home?');
    await fireEvent.click(screen.getByLabelText('Happy'));
    await waitFor(() => expect(statements[0].answers[0].face).toBe(4));
    await fireEvent.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('question')).toHaveTextContent('Is anything worrying you?');
    await fireEvent.input(screen.getByTestId('words'), { target: { value: 'Moving school' } });
    await waitFor(() => expect(statements[0].answers.find((x) => x.question_id === 'worries')?.words).toBe('Moving school'));
    await fireEvent.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('summary')).toHaveTextContent('Happy');
    expect(screen.getByTestId('summary')).toHaveTextContent('Moving school');
    await fireEvent.click(screen.getByTestId('mark-ready'));
    await waitFor(() => expect(done).toBe(1));
    expect(statements[0].status).toBe('ready');
  });

  it('keeps words typed just before pressing Next or Finish later', async () => {
    const statements: StatementView[] = [];
    backend(statements);
    let done = 0;
    render(Review, { ondone: () => done++ });
    await screen.findByTestId('question');
    await fireEvent.input(screen.getByTestId('words'), { target: { value: 'Typed then straight to Next' } });
    await fireEvent.click(screen.getByTestId('next'));
    await waitFor(() => expect(statements[0].answers.find((x) => x.question_id === 'home')?.words).toBe('Typed then straight to Next'));
    await waitFor(() => expect(screen.getByTestId('question')).toHaveTextContent('Is anything worrying you?'));
    await fireEvent.input(screen.getByTestId('words'), { target: { value: 'Then I had to go' } });
    await fireEvent.click(screen.getByTestId('finish-later'));
    await waitFor(() => expect(done).toBe(1));
    expect(statements[0].answers.find((x) => x.question_id === 'worries')?.words).toBe('Then I had to go');
  });

  it('resumes a draft at the first unanswered question', async () => {
    backend([{ id: 's1', kind: 'review_preparation', status: 'draft', urgent: false, words: null, updated_at: '2026-11-20T10:00:00Z',
      answers: [{ question_id: 'home', face: 2, choice: null, words: null }], history: [{ status: 'draft', at: '2026-11-20T10:00:00Z' }], responses: [] }]);
    render(Review, { ondone: () => {} });
    expect(await screen.findByTestId('question')).toHaveTextContent('Is anything worrying you?');
  });
});

describe('say something', () => {
  it('shows who to call at once for "I don\'t feel safe"', async () => {
    backend([]);
    render(SaySomething, { ondone: () => {} });
    await fireEvent.click(await screen.findByTestId('kind-not_safe'));
    const help = await screen.findByTestId('helplines');
    expect(help).toHaveTextContent('Childline: 0800 1111');
    expect(help).toHaveTextContent('Emergency: 999');
  });

  it('shows the reason when saving fails, and cannot be marked ready while empty', async () => {
    backend([], true);
    render(SaySomething, { ondone: () => {} });
    await fireEvent.click(await screen.findByTestId('kind-worried'));
    expect(await screen.findByTestId('say-ready')).toBeDisabled();
    await fireEvent.input(screen.getByTestId('say-words'), { target: { value: 'x' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('too long');
  });
});

describe("what I've said", () => {
  it('shows each statement with the dates of what happened to it', async () => {
    backend([{ id: 's1', kind: 'good_news', status: 'ready', urgent: false, words: 'I got a part in the play', updated_at: '2026-11-21T10:00:00Z',
      answers: [], history: [{ status: 'draft', at: '2026-11-20T10:00:00Z' }, { status: 'ready', at: '2026-11-21T10:00:00Z' }], responses: [] }]);
    render(Shared);
    const item = await screen.findByTestId('statement');
    expect(item).toHaveTextContent('Good news');
    expect(item).toHaveTextContent('Ready: 21 November 2026');
    expect(item).toHaveTextContent('Shared: not yet');
    expect(screen.queryByTestId('responses')).toBeNull();
  });

  it('shows who at the service answered, by name and role, and what they wrote back', async () => {
    const at = (day: number) => `2026-11-${day}T10:00:00Z`;
    backend([{ id: 's1', kind: 'not_safe', status: 'read', urgent: true, words: 'Someone keeps shouting at night', updated_at: at(22), answers: [],
      history: [{ status: 'draft', at: at(20) }, { status: 'ready', at: at(20) }, { status: 'shared', at: at(20) }, { status: 'received', at: at(20) }, { status: 'read', at: at(21) }],
      responses: [
        { kind: 'acknowledged', worker_name: 'Ade Mensah', worker_role: 'duty', words: null, at: at(20) },
        { kind: 'replied', worker_name: 'Sam Okafor', worker_role: 'social_worker', words: 'I am coming round at 4pm.', at: at(21) },
      ] }]);
    render(Shared);
    const said = await screen.findByTestId('responses');
    expect(within(said).getByTestId('response-acknowledged')).toHaveTextContent('Ade Mensah (duty team) saw this was urgent and is dealing with it (20 November 2026).');
    const reply = within(said).getByTestId('response-replied');
    expect(reply).toHaveTextContent('Sam Okafor (your social worker) replied on 21 November 2026:');
    expect(reply).toHaveTextContent('I am coming round at 4pm.');
  });
});

describe('the review in Welsh', () => {
  afterEach(() => {
    setLanguage('en-GB');
    cleanup();
    clearMocks();
  });

  it('asks in Welsh, keeps the choice value, and marks a question not yet translated', async () => {
    setLanguage('cy');
    const asked: unknown[] = [];
    const statements: StatementView[] = [];
    mockCommands({
      question_set: ({ language }) => {
        asked.push(language);
        return {
          id: 'review', version: 1, title: 'Paratoi ar gyfer fy adolygiad',
          questions: [
            { id: 'where', section: 'Fy nghyfarfod', kind: 'choice', prompt: "Ble hoffech chi i'ch cyfarfod fod?", hint: null,
              choices: [{ value: 'At home', label: 'Gartref' }, { value: 'Online', label: 'Ar-lein' }], language: 'cy' },
            { id: 'worries', section: 'Worries', kind: 'words', prompt: 'Is anything worrying you?', hint: null, choices: [], language: 'en-GB' },
          ],
        };
      },
      list_statements: () => statements,
      start_statement: () => {
        const s: StatementView = { id: 's1', kind: 'review_preparation', status: 'draft', urgent: false, words: null, answers: [], history: [{ status: 'draft', at: '2026-11-20T10:00:00Z' }], responses: [], updated_at: '2026-11-20T10:00:00Z' };
        statements.push(s);
        return s;
      },
      save_answer: ({ answer }) => {
        statements[0].answers = [answer];
        return statements[0];
      },
    });
    render(Review, { ondone: () => {} });
    expect(await screen.findByTestId('question')).toHaveTextContent("Ble hoffech chi i'ch cyfarfod fod?");
    expect(asked).toEqual(['cy']);
    await fireEvent.click(screen.getByLabelText('Gartref'));
    await waitFor(() => expect(statements[0].answers[0].choice).toBe('At home'));
    expect(screen.queryByTestId('not-translated')).toBeNull();
    await fireEvent.click(screen.getByTestId('next'));
    const question = await screen.findByTestId('question');
    expect(question).toHaveTextContent('Is anything worrying you?');
    expect(question).toHaveAttribute('lang', 'en-GB');
    expect(screen.getByTestId('not-translated')).toHaveTextContent("Dydy'r cwestiwn hwn ddim wedi'i gyfieithu eto");
    await fireEvent.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('summary')).toHaveTextContent('Gartref');
  });
});
