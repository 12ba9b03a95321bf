import { useDescribeError } from "../lib/errors";

/** What became of a submitted form: the server's refusal in words, or a confirmation. */
export function FormFeedback({ error, success }: { error: unknown; success: string | null }) {
  const describeError = useDescribeError();
  if (error) {
    return (
      <div role="alert" className="banner error">
        {describeError(error)}
      </div>
    );
  }
  if (success) {
    return (
      <div role="status" className="banner success">
        {success}
      </div>
    );
  }
  return null;
}
