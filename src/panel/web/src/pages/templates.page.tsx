/** Supervisors' reply templates: list, create, delete. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import { ErrorNotice } from '../components/error-notice';
import { PageHeading } from '../components/page-heading';
import { OUTCOME_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { useShiftText } from '../i18n/shift.dictionary';
import { useMeta } from '../lib/meta';

type Template = {
  id: string;
  name: string;
  purpose: 'ask_info' | 'close';
  categoryId?: string;
  outcome?: string;
  texts: { it: string; en: string };
};

export function TemplatesPage() {
  const st = useShiftText();
  const { language } = useI18n();
  const meta = useMeta();
  const [list, setList] = useState<Template[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [form, setForm] = useState({ name: '', purpose: 'ask_info' as Template['purpose'], categoryId: '', outcome: '', it: '', en: '' });
  const load = useCallback(() => {
    apiRequest<{ templates: Template[] }>('/api/templates').then((r) => setList(r.templates), setError);
  }, []);
  useEffect(load, [load]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await apiRequest('/api/templates', {
        method: 'POST',
        body: {
          name: form.name.trim(),
          purpose: form.purpose,
          ...(form.categoryId ? { categoryId: form.categoryId } : {}),
          ...(form.purpose === 'close' && form.outcome ? { outcome: form.outcome } : {}),
          texts: { it: form.it.trim(), en: form.en.trim() },
        },
      });
      setForm({ name: '', purpose: form.purpose, categoryId: '', outcome: '', it: '', en: '' });
      load();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (t: Template) => {
    try {
      await apiRequest(`/api/templates/${encodeURIComponent(t.id)}`, { method: 'DELETE' });
      load();
    } catch (err) {
      setError(err);
    }
  };
  const categoryLabel = (id?: string) => (id ? (meta?.categories.find((c) => c.id === id)?.labels[language] ?? id) : st('templateAny'));
  return (
    <div className="templates-page">
      <PageHeading>{st('templatesTitle')}</PageHeading>
      <p>{st('templatesIntro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {list && list.length ? (
        <table className="data-table" data-testid="templates">
          <thead>
            <tr>
              <th scope="col">{st('templateName')}</th>
              <th scope="col">{st('templatePurpose')}</th>
              <th scope="col">{st('templateCategory')}</th>
              <th scope="col">{st('templateTextIt')}</th>
              <th scope="col">{st('templateTextEn')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>
                  {t.purpose === 'ask_info' ? st('templatePurposeAsk') : st('templatePurposeClose')}
                  {t.outcome ? ` · ${OUTCOME_LABELS[language][t.outcome as keyof (typeof OUTCOME_LABELS)['it']] ?? t.outcome}` : ''}
                </td>
                <td>{categoryLabel(t.categoryId)}</td>
                <td>{t.texts.it}</td>
                <td>{t.texts.en}</td>
                <td>
                  <button type="button" className="button-link" onClick={() => void remove(t)}>
                    {st('templateDelete', { name: t.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="panel-section" onSubmit={save}>
        <div className="field">
          <label htmlFor="tpl-name">{st('templateName')}</label>
          <input id="tpl-name" required maxLength={80} value={form.name} onChange={set('name')} />
        </div>
        <div className="field">
          <label htmlFor="tpl-purpose">{st('templatePurpose')}</label>
          <select id="tpl-purpose" value={form.purpose} onChange={set('purpose')}>
            <option value="ask_info">{st('templatePurposeAsk')}</option>
            <option value="close">{st('templatePurposeClose')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="tpl-category">{st('templateCategory')}</label>
          <select id="tpl-category" value={form.categoryId} onChange={set('categoryId')}>
            <option value="">{st('templateAny')}</option>
            {(meta?.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.labels[language]}
              </option>
            ))}
          </select>
        </div>
        {form.purpose === 'close' ? (
          <div className="field">
            <label htmlFor="tpl-outcome">{st('templateOutcome')}</label>
            <select id="tpl-outcome" value={form.outcome} onChange={set('outcome')}>
              <option value="">{st('templateAny')}</option>
              {Object.entries(OUTCOME_LABELS[language]).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="tpl-it">{st('templateTextIt')}</label>
          <textarea id="tpl-it" required rows={3} value={form.it} onChange={set('it')} />
        </div>
        <div className="field">
          <label htmlFor="tpl-en">{st('templateTextEn')}</label>
          <textarea id="tpl-en" required rows={3} value={form.en} onChange={set('en')} />
        </div>
        <button type="submit" className="button-primary">
          {st('templateSave')}
        </button>
      </form>
    </div>
  );
}
