import ReactMarkdown from "react-markdown";

/**
 * Markdown from organisers and speakers. Raw HTML is dropped (skipHtml) and react-markdown's default
 * URL transform removes javascript: and other unsafe links, so the output is safe to render.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
