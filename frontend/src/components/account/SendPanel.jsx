import { useId, useRef, useState } from 'react';
import { apiPath, apiRequest, readJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { errorsFor } from '../../lib/problem.js';
import { randomUuid } from '../../lib/random.js';
import { Button } from '../Button.jsx';
import { Field } from '../Field.jsx';
import { Panel } from '../Panel.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { SendResult } from './SendResult.jsx';

const PLACED = ['to', 'message', 'media_url', 'caption', 'filename'];

function requestBody(mode, fields) {
  const body = { to: fields.to.trim() };
  if (mode === 'text') {
    body.message = fields.message;
    return body;
  }
  body.media_url = fields.mediaUrl.trim();
  if (fields.caption !== '') {
    body.caption = fields.caption;
  }
  if (fields.filename.trim() !== '') {
    body.filename = fields.filename.trim();
  }
  return body;
}

/**
 * Sends a text or a media file by URL. One Idempotency-Key belongs to one message: a double submit or a retry
 * after a lost answer reuses it (the gateway then replays its first answer instead of sending again); a
 * changed message or a successful send gets a fresh key.
 */
export function SendPanel({ account }) {
  const modeName = useId();
  const [mode, setMode] = useState('text');
  const [fields, setFields] = useState({
    to: '',
    message: '',
    mediaUrl: '',
    caption: '',
    filename: '',
  });
  const idempotency = useRef({ body: null, key: null });

  const send = useAction(async (body) => {
    const serialized = JSON.stringify(body);
    if (idempotency.current.body !== serialized) {
      idempotency.current = { body: serialized, key: randomUuid() };
    }
    const response = await apiRequest(apiPath`/api/accounts/${account.id}/messages/send`, {
      method: 'POST',
      json: body,
      headers: { 'Idempotency-Key': idempotency.current.key },
    });
    const answer = await readJson(response);
    idempotency.current = { body: null, key: null };
    return { answer, replayed: response.headers.get('Idempotent-Replayed') === 'true' };
  });

  const set = (name) => (e) => setFields((f) => ({ ...f, [name]: e.target.value }));
  const body = requestBody(mode, fields);
  const complete =
    body.to !== '' && (mode === 'text' ? body.message.trim() !== '' : body.media_url !== '');
  const submit = (event) => {
    event.preventDefault();
    if (complete) {
      send.run(body);
    }
  };

  const problem = send.error?.problem;
  return (
    <Panel title="Send a message">
      <form onSubmit={submit} noValidate className="space-y-3">
        {account.status !== 'READY' && (
          <p className="rounded-md border border-zinc-700 bg-zinc-800/50 px-3 py-2 text-xs text-zinc-300">
            Sending needs the account to be READY; it is {account.status}.
          </p>
        )}
        <fieldset className="flex gap-4 text-sm text-zinc-300">
          <legend className="sr-only">Kind of message</legend>
          {[
            ['text', 'Text'],
            ['media', 'Media from URL'],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={modeName}
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
                className="accent-emerald-500"
              />
              {label}
            </label>
          ))}
        </fieldset>
        <Field
          label="To"
          inputMode="tel"
          autoComplete="off"
          value={fields.to}
          onChange={set('to')}
          hint="Phone number with country code (digits or +digits), <digits>@c.us, or a group id <id>@g.us."
          errors={errorsFor(problem, 'to')}
          data-testid="send-to"
        />
        {mode === 'text' ? (
          <Field
            label="Message"
            multiline
            rows={3}
            value={fields.message}
            onChange={set('message')}
            errors={errorsFor(problem, 'message')}
            data-testid="send-message"
          />
        ) : (
          <>
            <Field
              label="Media URL"
              type="url"
              inputMode="url"
              placeholder="https://"
              value={fields.mediaUrl}
              onChange={set('mediaUrl')}
              hint="The gateway downloads it and sends it as a file, image, video or audio by its type."
              errors={errorsFor(problem, 'media_url')}
              data-testid="send-media-url"
            />
            <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
              <Field
                label="Caption (optional)"
                value={fields.caption}
                onChange={set('caption')}
                errors={errorsFor(problem, 'caption')}
                data-testid="send-caption"
              />
              <Field
                label="File name (optional)"
                value={fields.filename}
                onChange={set('filename')}
                errors={errorsFor(problem, 'filename')}
              />
            </div>
          </>
        )}
        {send.error && <ProblemMessage error={send.error} placedFields={PLACED} />}
        <div className="flex justify-end">
          <Button
            type="submit"
            variant="primary"
            disabled={send.pending || !complete}
            data-testid="send-submit"
          >
            {send.pending ? 'Sending…' : 'Send'}
          </Button>
        </div>
      </form>
      {send.result && (
        <SendResult
          accountId={account.id}
          sent={send.result.answer}
          replayed={send.result.replayed}
        />
      )}
    </Panel>
  );
}
