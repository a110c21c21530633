// Images in organisers' and speakers' markdown: an image from another host would be fetched by every
// visitor's browser (a tracking pixel), so only the site's own images stay images. Any other image becomes
// a link to it (text: the alt text, or the address), or plain text when it sits inside a link already or
// its address is unsafe. A rehype plugin: it runs on the HTML tree before react-markdown renders it.
import { defaultUrlTransform } from "react-markdown";

/** The part of a hast tree this plugin looks at (hast's own types are not a direct dependency). */
type HastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
};

const PROBE_ORIGIN = "https://larpass.invalid";

/**
 * A path on the site itself: one "/" and then no second "/" or "\" (browsers read "//host" and "/\host"
 * as another host), and nothing a URL parser would drop (tabs, newlines) or change into another host.
 */
export function isOwnImage(src: string): boolean {
  if (!/^\/(?![/\\])/.test(src) || /[\s\\\u0000-\u001f\u007f]/.test(src)) return false;
  try {
    return new URL(src, `${PROBE_ORIGIN}/a/b`).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

function replacement(img: HastNode, insideLink: boolean): HastNode {
  const src = typeof img.properties?.src === "string" ? img.properties.src : "";
  const alt = typeof img.properties?.alt === "string" ? img.properties.alt.trim() : "";
  const href = defaultUrlTransform(src);
  const text: HastNode = { type: "text", value: alt || href || src };
  if (insideLink || href === "") return text;
  return { type: "element", tagName: "a", properties: { href }, children: [text] };
}

function walk(node: HastNode, insideLink: boolean): void {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type !== "element") return child;
    if (child.tagName === "img") {
      const src = child.properties?.src;
      return typeof src === "string" && isOwnImage(src) ? child : replacement(child, insideLink);
    }
    walk(child, insideLink || child.tagName === "a");
    return child;
  });
}

/** rehype plugin: `rehypePlugins={[ownImagesOnly]}`. */
export function ownImagesOnly() {
  return (tree: HastNode) => walk(tree, false);
}
