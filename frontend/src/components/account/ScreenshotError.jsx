import { Button } from '../Button.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';

/** Why an incident's screenshot did not load, with a way to try again. */
export function ScreenshotError({ image }) {
  if (!image.error) {
    return null;
  }
  return (
    <div className="space-y-2">
      <ProblemMessage error={image.error} lead="The screenshot could not be loaded." />
      <Button size="sm" onClick={image.retry}>
        Try again
      </Button>
    </div>
  );
}
