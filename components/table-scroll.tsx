import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways inside its box on a narrow screen. The box is a named region that
 * takes keyboard focus, so it can be scrolled with the arrow keys (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
