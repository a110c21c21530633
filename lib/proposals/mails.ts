// The proposers' mails: a confirmation of each submission and the decision (the call's template for the
// decision, {namn} and {titel} filled in, with the organiser's message below).
import type { Mail } from "@/lib/mail";
import type { ProposalDecision } from "@/lib/domain";
import { siteUrl } from "@/lib/site-url";
import { formatDateTime } from "@/lib/time";
import { defaultTemplates } from "./call";

export function submittedMail(to: string, p: { id: number; title: string; eventName: string; closesAt: Date; timeZone: string }): Mail {
  return {
    to,
    subject: `Ditt förslag är inskickat: ${p.title}`,
    text: [
      "Hej!",
      "",
      `Tack! Ditt förslag "${p.title}" till ${p.eventName} är inskickat.`,
      `Du kan ändra eller återkalla det fram till ${formatDateTime(p.closesAt, p.timeZone)}, då inlämningen stänger:`,
      "",
      `${siteUrl()}/mina-forslag/${p.id}`,
      "",
      "Du får ett nytt mejl när arrangörerna har bestämt sig.",
    ].join("\n"),
  };
}

const subjects: Record<ProposalDecision, string> = {
  accept: "Ditt förslag är antaget",
  reject: "Beslut om ditt förslag",
  changes: "Arrangörerna ber om ändringar i ditt förslag",
};

export function fillTemplate(template: string, v: { name: string; title: string }): string {
  return template.replaceAll("{namn}", v.name).replaceAll("{titel}", v.title);
}

export function decisionMail(
  to: string,
  d: { decision: ProposalDecision; template: string; message: string; name: string; title: string; proposalId: number },
): Mail {
  const body = fillTemplate(d.template.trim() || defaultTemplates[d.decision], { name: d.name, title: d.title });
  const next =
    d.decision === "accept"
      ? "Du får också en inbjudan som talare: med den håller du själv sammanfattningen aktuell under Mina lärpass."
      : d.decision === "changes"
        ? `Ändra förslaget och skicka in det igen här: ${siteUrl()}/mina-forslag/${d.proposalId}`
        : `Ditt förslag finns kvar under ${siteUrl()}/mina-forslag/${d.proposalId}`;
  return {
    to,
    subject: `${subjects[d.decision]}: ${d.title}`,
    text: [body, ...(d.message.trim() ? ["", "Meddelande från arrangörerna:", d.message.trim()] : []), "", next].join("\n"),
  };
}
