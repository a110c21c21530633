import ReactMarkdown from "react-markdown";
import { ownImagesOnly } from "@/lib/markdown-images";

/**
 * Markdown from organisers and speakers. Raw HTML is dropped (skipHtml) and react-markdown's default
 * URL transform removes javascript: and other unsafe links, so the output is safe to render. Images load
 * only from the site itself; any other image becomes a link (lib/markdown-images.ts).
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown skipHtml rehypePlugins={[ownImagesOnly]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
