import type { Metadata } from "next";
import { HistoryView, loadHistory, type HistoryPageProps } from "../../../historik/history-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: talarens historik" };

/** Every saved change of a speaker (by organisers, the speaker or an import), newest first. */
export default async function SpeakerHistoryPage(props: HistoryPageProps) {
  return <HistoryView {...await loadHistory("speaker", props)} />;
}
