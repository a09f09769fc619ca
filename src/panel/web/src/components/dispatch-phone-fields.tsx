/**
 * In the dispatch form: the linked operator (a patrol's phone) the staff bot sends the dispatch to,
 * and whether the photos go with it. Shown only when some operator has linked Telegram.
 */
import { useEffect, useState } from 'react';
import { apiRequest } from '../api/client';
import { useStaffText } from '../i18n/staff.dictionary';

export type StaffUnit = { username: string; displayName: string; team?: string };

export function DispatchPhoneFields(props: {
  idPrefix: string;
  unit: string;
  sendPhoto: boolean;
  onUnit(username: string): void;
  onSendPhoto(send: boolean): void;
}) {
  const sf = useStaffText();
  const [units, setUnits] = useState<StaffUnit[]>([]);
  useEffect(() => {
    apiRequest<{ units: StaffUnit[] }>('/api/staff/units').then(
      (r) => setUnits(r.units),
      () => setUnits([]),
    );
  }, []);
  if (!units.length) return null;
  const selectId = `${props.idPrefix}-phone`;
  return (
    <>
      <div className="field">
        <label htmlFor={selectId}>{sf('dispatchPhone')}</label>
        <select id={selectId} value={props.unit} onChange={(e) => props.onUnit(e.target.value)} aria-describedby={`${selectId}-hint`}>
          <option value="">{sf('dispatchPhoneNone')}</option>
          {units.map((u) => (
            <option key={u.username} value={u.username}>
              {u.displayName}
            </option>
          ))}
        </select>
        <p className="hint" id={`${selectId}-hint`}>
          {sf('dispatchPhoneHint')}
        </p>
      </div>
      {props.unit ? (
        <label className="checkbox">
          <input type="checkbox" checked={props.sendPhoto} onChange={(e) => props.onSendPhoto(e.target.checked)} />
          {sf('dispatchPhoto')}
        </label>
      ) : null}
    </>
  );
}
