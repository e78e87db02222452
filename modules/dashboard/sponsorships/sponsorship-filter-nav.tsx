import Link from "next/link";

/** A row of filter links (a segmented control); the current one carries aria-current="page". */
export function SponsorshipFilterNav({
  label,
  options,
}: {
  label: string;
  options: Array<{ key: string; label: string; href: string; current: boolean }>;
}) {
  return (
    <nav aria-label={label}>
      <p className="mb-1 text-sm font-medium text-slate-700" aria-hidden="true">
        {label}
      </p>
      <ul className="inline-flex flex-wrap overflow-hidden rounded-md border border-slate-300">
        {options.map((option) => (
          <li key={option.key} className="border-l border-slate-300 first:border-l-0">
            <Link
              href={option.href}
              aria-current={option.current ? "page" : undefined}
              className={`block px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600 ${
                option.current ? "bg-brand-600 text-white" : "bg-white text-slate-800 hover:bg-slate-50"
              }`}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
