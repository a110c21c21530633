import type { Metadata } from "next";
import { HistoryView, loadHistory, type HistoryPageProps } from "../../../historik/history-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: lärpassets historik" };

/** Every saved change of a lärpass, newest first, with a restore button on the earlier versions. */
export default async function LarpassHistoryPage(props: HistoryPageProps) {
  return <HistoryView {...await loadHistory("larpass", props)} />;
}
