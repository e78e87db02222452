import { LocalDate } from "@/components/ui/local-date";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatBytes } from "@/lib/http/body";
import type { DeliverableReview } from "@/lib/partnerships/list-deliverable-reviews";
import { DeliverableCommentForm } from "@/modules/workspace/partnerships/deliverable-comment-form";

/**
 * A deliverable's review, as both parties see it: every version with its link, files and the
 * brand's answer, and the comment thread. Nothing here is replaced by a later version.
 */
export function ReviewHistory({
  partnershipId,
  deliverableId,
  review,
  canComment,
}: {
  partnershipId: string;
  deliverableId: string;
  review: DeliverableReview | undefined;
  canComment: boolean;
}) {
  const versions = review?.versions ?? [];
  const comments = review?.comments ?? [];
  if (versions.length === 0 && comments.length === 0 && !canComment) return null;
  return (
    <details className="mt-3 border-t border-slate-100 pt-3" open={versions.length > 0 || comments.length > 0} data-testid="review-history">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">
        Versions ({versions.length}) and comments ({comments.length})
      </summary>
      {versions.length > 0 ? (
        <ol className="mt-2 space-y-2" aria-label="Versions">
          {[...versions].reverse().map((v) => (
            <li
              key={v.id}
              className="rounded border border-slate-200 p-2 text-sm"
              data-testid="deliverable-version"
              data-version={v.number}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">Version {v.number}</span>
                <span className="text-slate-500">
                  {v.submittedBy} · <LocalDate value={v.submittedAt} time />
                </span>
                {v.outcome ? (
                  <StatusBadge status={v.outcome} testId="version-outcome" />
                ) : (
                  <StatusBadge status="submitted" label="Awaiting review" testId="version-outcome" />
                )}
              </div>
              {v.link ? (
                <p className="mt-1 min-w-0 break-all">
                  <a href={v.link} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 hover:underline">
                    {v.link}
                  </a>
                </p>
              ) : null}
              {v.notes ? <p className="mt-1 whitespace-pre-line text-slate-700">{v.notes}</p> : null}
              {v.files.length > 0 ? (
                <ul className="mt-1 space-y-1" aria-label={`Files of version ${v.number}`}>
                  {v.files.map((f) => (
                    <li key={f.id} className="min-w-0 break-all">
                      <a href={f.downloadUrl} className="text-brand-700 hover:underline" data-testid="version-file">
                        {f.fileName}
                      </a>{" "}
                      <span className="text-slate-500">({formatBytes(f.byteSize)})</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {v.feedback ? (
                <p className="mt-1 whitespace-pre-line text-slate-700" data-testid="version-feedback">
                  <span className="font-medium">{v.outcome === "changes_requested" ? "Changes requested" : "Feedback"}</span>
                  {v.reviewedBy ? ` (${v.reviewedBy})` : ""}: {v.feedback}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {comments.length > 0 ? (
        <ol className="mt-3 space-y-2" aria-label="Comments">
          {comments.map((c) => (
            <li key={c.id} className="rounded bg-slate-50 p-2 text-sm" data-testid="deliverable-comment" data-side={c.side}>
              <p className="text-xs text-slate-500">
                {c.author} ({c.side}) · <LocalDate value={c.createdAt} time />
                {c.versionNumber ? ` · on version ${c.versionNumber}` : ""}
              </p>
              <p className="mt-0.5 whitespace-pre-line text-slate-800">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {canComment ? <DeliverableCommentForm partnershipId={partnershipId} deliverableId={deliverableId} /> : null}
    </details>
  );
}
