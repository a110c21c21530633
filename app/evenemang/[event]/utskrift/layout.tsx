import type { ReactNode } from "react";
import "./print.css";

/** The print views share their stylesheet (A4, no navigation on paper). */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return <div className="print-view">{children}</div>;
}
