"use client";

import { InterventionStatus, VerificationDecision, verifyInterventionBody } from "@interventions/domain";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Field } from "../../../../components/field";
import { FormFeedback } from "../../../../components/form-feedback";
import { useFieldIssues } from "../../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, useValidate } from "../../../../lib/form-validation";
import { useTRPC } from "../../../../lib/trpc";
import { useRefreshAfterChange } from "../../../../lib/use-refresh";

/** The client's decision on work that is done: accept or reject, with a comment either way. */
export function VerifyForm({ interventionId }: { interventionId: number }) {
  const trpc = useTRPC();
  const refresh = useRefreshAfterChange();
  const t = useTranslations("verifyForm");
  const validate = useValidate();
  const fieldIssues = useFieldIssues();
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.interventions.verify.mutationOptions({
      onSuccess: async (result) => {
        setSuccess(result.data.status === InterventionStatus.accepted ? t("accepted") : t("rejected"));
        await refresh();
      },
      onError: (error) => setErrors(fieldIssues(error)),
    }),
  );

  function decide(decision: VerificationDecision) {
    setSuccess(null);
    mutation.reset();
    const checked = validate(verifyInterventionBody, { decision, decisionComment: comment });
    const fieldErrors = checked.ok ? {} : checked.errors;
    if (comment.trim() === "") fieldErrors.decisionComment = t("commentMissing");
    if (!checked.ok || Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors);
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    mutation.mutate({ ...checked.value, interventionId });
  }

  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t("heading")}</h2>
      <form ref={formRef} className="stack" onSubmit={(event) => event.preventDefault()} noValidate>
        <Field label={t("comment")} hint={t("commentHint")} error={errors.decisionComment}>
          {(props) => <textarea {...props} value={comment} onChange={(event) => setComment(event.target.value)} />}
        </Field>
        <FormFeedback error={mutation.error} success={success} />
        <div className="row">
          <button type="button" disabled={mutation.isPending} onClick={() => decide(VerificationDecision.accept)}>
            {t("accept")}
          </button>
          <button
            type="button"
            className="danger"
            disabled={mutation.isPending}
            onClick={() => decide(VerificationDecision.reject)}
          >
            {t("reject")}
          </button>
        </div>
      </form>
    </section>
  );
}
