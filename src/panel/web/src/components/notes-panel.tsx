/** Writing an internal note on a report; notes appear on the timeline, marked as internal. */
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import { useShiftText } from '../i18n/shift.dictionary';
import { useAnnounce } from '../lib/announcer';
import { ErrorNotice } from './error-notice';

const NOTE_MAX = 2000;

export function NotesPanel({ reportId, onAdded }: { reportId: string; onAdded(): void }) {
  const st = useShiftText();
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiRequest(`/api/reports/${encodeURIComponent(reportId)}/notes`, { method: 'POST', body: { text: text.trim() } });
      setText('');
      announce(st('noteAdded'));
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel-section notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{st('notesTitle')}</h2>
      <p className="hint" id="notes-hint">
        {st('notesHint')}
      </p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="note-text">{st('noteLabel')}</label>
          <textarea
            id="note-text"
            rows={3}
            maxLength={NOTE_MAX}
            required
            aria-describedby="notes-hint"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button-secondary" disabled={busy || !text.trim()}>
          {st('noteAdd')}
        </button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
