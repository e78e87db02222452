import Link from "next/link";

export interface FilterOption {
  key: string;
  label: string;
  href: string;
  current: boolean;
}

const LOOKS = {
  segments: {
    list: "inline-flex flex-wrap overflow-hidden rounded-md border border-slate-300",
    item: "border-l border-slate-300 first:border-l-0",
    link: "block px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600",
    current: "bg-brand-600 text-white",
    other: "bg-white text-slate-800 hover:bg-slate-50",
  },
  pills: {
    list: "flex flex-wrap gap-2 text-sm",
    item: "",
    link: "block rounded-full border px-3 py-1",
    current: "border-brand-600 bg-brand-600 text-white",
    other: "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  },
} as const;

/**
 * Links that each set one filter in the URL; the current one carries aria-current="page".
 * `segments` joins them into one control under a visible title; `pills` lines them up untitled.
 */
export function FilterNav({
  label,
  title = label,
  options,
  look = "segments",
  className,
}: {
  label: string;
  title?: string;
  options: readonly FilterOption[];
  look?: keyof typeof LOOKS;
  className?: string;
}) {
  const style = LOOKS[look];
  return (
    <nav aria-label={label} className={className}>
      {look === "segments" ? (
        <p className="mb-1 text-sm font-medium text-slate-700" aria-hidden="true">
          {title}
        </p>
      ) : null}
      <ul className={style.list}>
        {options.map((option) => (
          <li key={option.key} className={style.item || undefined}>
            <Link
              href={option.href}
              aria-current={option.current ? "page" : undefined}
              className={`${style.link} ${option.current ? style.current : style.other}`}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
