import { unplacedErrors } from '../lib/problem.js';

/**
 * What went wrong, in the gateway's words: the problem's detail, the field errors that no input shows, and its
 * code (and error id for a 500) for reports. An error that is not from the API (a bug in the dashboard) still
 * renders as text.
 */
export function ProblemMessage({ error, placedFields = [], lead, className = '' }) {
  if (!error) {
    return null;
  }
  const problem = error.problem ?? {
    detail: `The dashboard failed: ${error.message || String(error)}`,
    errors: [],
  };
  const others = unplacedErrors(problem, placedFields);
  return (
    <div
      role="alert"
      data-testid="problem-detail"
      className={`rounded-md border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-red-200 ${className}`}
    >
      {lead && <p className="font-semibold text-red-100">{lead}</p>}
      <p>{problem.detail}</p>
      {others.length > 0 && (
        <ul className="mt-1 list-inside list-disc">
          {others.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <span className="font-mono">{e.field}</span> {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem.code && (
        <p className="mt-1 font-mono text-xs text-red-300/70">
          {problem.code}
          {problem.errorId ? ` · error id ${problem.errorId}` : ''}
        </p>
      )}
    </div>
  );
}
