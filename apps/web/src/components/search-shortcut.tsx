"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Where typing `/` is text, not the shortcut. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * `/` focuses the interventions' search box, as in GitHub or Gmail: on the list it focuses the box, elsewhere
 * it opens the list with the box focused. Not while typing in a field, nor with a modifier key.
 */
export function SearchShortcut() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (typing(event.target)) return;
      event.preventDefault();
      const box = document.querySelector<HTMLInputElement>("[data-search-box]");
      if (box) {
        box.focus();
        box.select();
      } else {
        router.push("/interventions#search");
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router]);
  return null;
}
