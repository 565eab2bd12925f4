import { useState } from 'react';
import { apiPath, sendJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { errorsFor } from '../../lib/problem.js';
import { Button } from '../Button.jsx';
import { Field } from '../Field.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';

/** Linking by phone number: the gateway asks WhatsApp for a code that the operator types on the phone. */
export function PairingForm({ account }) {
  const [phone, setPhone] = useState('');
  const request = useAction((body) =>
    sendJson('POST', apiPath`/api/accounts/${account.id}/pairing-code`, body),
  );

  const submit = (event) => {
    event.preventDefault();
    if (phone.trim() !== '') {
      request.run({ phone: phone.trim() });
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-2 border-t border-zinc-800 pt-3"
      aria-labelledby="pairing-heading"
    >
      <h3 id="pairing-heading" className="font-medium text-zinc-200">
        Link with phone number instead
      </h3>
      <div className="flex items-end gap-2">
        <Field
          className="flex-1"
          label="Phone number with country code"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="15550001111"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          errors={errorsFor(request.error?.problem, 'phone')}
          data-testid="pairing-phone"
        />
        <Button
          type="submit"
          disabled={request.pending || phone.trim() === ''}
          data-testid="pairing-submit"
        >
          {request.pending ? 'Requesting…' : 'Get code'}
        </Button>
      </div>
      {request.error && <ProblemMessage error={request.error} placedFields={['phone']} />}
      {request.result?.pairing_code && (
        <div role="status" className="rounded-md border border-zinc-700 bg-zinc-950 p-3">
          <p className="text-xs text-zinc-400">
            Code for <span className="font-mono">{request.result.phone}</span>. On the phone: Linked
            devices → Link a device → Link with phone number instead, then type:
          </p>
          <p
            data-testid="pairing-code"
            className="mt-2 font-mono text-3xl font-semibold tracking-[0.3em] break-all text-zinc-50 select-all"
          >
            {request.result.pairing_code}
          </p>
        </div>
      )}
    </form>
  );
}
