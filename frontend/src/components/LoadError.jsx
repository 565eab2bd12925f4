import { ProblemMessage } from './ProblemMessage.jsx';
import { RelativeTime } from './RelativeTime.jsx';

/**
 * Why a polled view could not refresh. While the gateway is unreachable the banner already says so, so a view
 * that still shows older data only notes how old it is.
 */
export function LoadError({ error, hasData, loadedAt, className = '' }) {
  if (!error) {
    return null;
  }
  if (hasData && error.code === 'GATEWAY_UNREACHABLE') {
    return (
      <p role="status" className={`text-xs text-amber-300 ${className}`}>
        Not refreshed since <RelativeTime value={loadedAt} />: the gateway is unreachable.
      </p>
    );
  }
  return (
    <ProblemMessage
      className={className}
      error={error}
      lead={hasData ? 'Could not refresh; what is shown below may be out of date.' : undefined}
    />
  );
}
