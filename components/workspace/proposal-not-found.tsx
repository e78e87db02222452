import Link from "next/link";

/** What a non-party (or a bad id) sees: nothing of the proposal, only a way back. */
export function ProposalNotFound() {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-2xl font-semibold">Proposal not found</h1>
      <p className="mt-2 text-slate-600">It does not exist, or you are not one of its parties.</p>
      <Link href="/workspace" className="mt-4 inline-block font-medium text-brand-700 hover:underline">
        Back to the workspace
      </Link>
    </section>
  );
}
