"use client";

import type { ReactNode } from "react";

/** Opens the browser's print dialog; the print stylesheet keeps only the page's content. */
export function PrintButton({ children }: { children: ReactNode }) {
  return (
    <button type="button" className="secondary no-print" onClick={() => window.print()}>
      {children}
    </button>
  );
}
