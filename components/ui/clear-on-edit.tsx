"use client";

import { useEffect } from "react";

/**
 * Hides a field's error the moment the reader edits the field, and puts it back when the
 * form is next submitted (the answer then shows it again only if it still applies). It
 * works on the rendered field, so the field itself can stay a server component; a watch on
 * the control keeps the error out of its description when the page re-renders it.
 */
export function ClearOnEdit({ controlId, errorId }: { controlId: string; errorId: string }) {
  useEffect(() => {
    const control = document.getElementById(controlId);
    const error = document.getElementById(errorId);
    const field = error?.parentElement;
    if (!control || !error || !field) return;
    let cleared = false;
    const ids = () => (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    const strip = () => {
      if (!cleared) return;
      if (control.hasAttribute("aria-invalid")) control.removeAttribute("aria-invalid");
      const current = ids();
      if (!current.includes(errorId)) return;
      const rest = current.filter((id) => id !== errorId).join(" ");
      if (rest) control.setAttribute("aria-describedby", rest);
      else control.removeAttribute("aria-describedby");
    };
    const hide = () => {
      cleared = true;
      error.hidden = true;
      strip();
    };
    const show = () => {
      cleared = false;
      error.hidden = false;
      control.setAttribute("aria-invalid", "true");
      if (!ids().includes(errorId)) control.setAttribute("aria-describedby", [...ids(), errorId].join(" "));
    };
    const watch = new MutationObserver(strip);
    watch.observe(control, { attributes: true, attributeFilter: ["aria-describedby", "aria-invalid"] });
    const form = control.closest("form");
    field.addEventListener("input", hide);
    field.addEventListener("change", hide);
    form?.addEventListener("submit", show);
    return () => {
      watch.disconnect();
      field.removeEventListener("input", hide);
      field.removeEventListener("change", hide);
      form?.removeEventListener("submit", show);
    };
  }, [controlId, errorId]);
  return null;
}
