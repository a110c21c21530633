// components/markdown.tsx rendered to static HTML in Node: what organisers type must never become markup
// or script. (A .ts file, so React.createElement instead of JSX.)
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";

// eslint-disable-next-line react/no-children-prop -- a .ts file: the children go in as a prop of createElement
const render = (markdown: string) => renderToStaticMarkup(createElement(Markdown, { children: markdown }));

/** Every href/src value in the output. */
const urls = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

describe("Markdown: unsafe input", () => {
  it("drops <script> blocks and inline script tags", () => {
    for (const md of [
      "<script>alert(1)</script>",
      "Hej\n\n<script>alert(1)</script>\n\nDå",
      "Text <script>alert(1)</script> mitt i",
      "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    ]) {
      const html = render(md);
      expect(html.toLowerCase(), md).not.toContain("<script");
    }
  });

  it("drops raw HTML elements and their event handlers", () => {
    for (const md of [
      '<img src=x onerror="alert(1)">',
      '<a href="https://evil.example" onclick="alert(1)">klick</a>',
      '<iframe src="https://evil.example"></iframe>',
      "<div style=\"position:fixed\">överlägg</div>",
      '<svg onload="alert(1)"></svg>',
      "<style>body{display:none}</style>",
      "Text med <b>fet</b> html",
    ]) {
      const html = render(md);
      expect(html, md).not.toMatch(/<(img|iframe|svg|style|b)\b/i);
      expect(html, md).not.toMatch(/\son\w+=/i);
      expect(html, md).not.toContain("evil.example");
      expect(html, md).not.toMatch(/<div[^>]*style=/);
    }
  });

  it("neutralises javascript:, vbscript: and data: links and images", () => {
    for (const md of [
      "[klicka](javascript:alert(1))",
      "[klicka](JavaScript:alert(1))",
      "[klicka](  javascript:alert(1)  )",
      "[klicka](javascript&#58;alert(1))",
      "[klicka](&#106;avascript:alert(1))",
      "[klicka](java%0ascript:alert(1))".replace("%0a", "\u0009"),
      "[klicka](vbscript:msgbox(1))",
      "[klicka](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "<javascript:alert(1)>",
      "![bild](javascript:alert(1))",
      "[ref]\n\n[ref]: javascript:alert(1)",
    ]) {
      const html = render(md);
      for (const url of urls(html)) {
        // React escapes quotes; anything left must not be a script/data scheme
        expect(url.replace(/&#x?[0-9a-f]+;|\s/gi, ""), md).not.toMatch(/^(javascript|vbscript|data):/i);
      }
      expect(html.toLowerCase(), md).not.toMatch(/href="\s*(javascript|vbscript|data):/);
    }
  });

  it("escapes what is left as text", () => {
    expect(render("1 < 2 & 3 > 2")).toBe('<div class="prose"><p>1 &lt; 2 &amp; 3 &gt; 2</p></div>');
  });
});

describe("Markdown: ordinary formatting", () => {
  it("renders emphasis and strong text", () => {
    expect(render("*kursiv* och **fet** och _också kursiv_")).toBe(
      '<div class="prose"><p><em>kursiv</em> och <strong>fet</strong> och <em>också kursiv</em></p></div>',
    );
  });

  it("renders lists", () => {
    const html = render("- ett\n- två\n\n1. första\n2. andra");
    expect(html).toContain("<ul>");
    expect(html).toContain("<li>ett</li>");
    expect(html).toContain("<li>två</li>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<li>andra</li>");
  });

  it("renders safe links unchanged", () => {
    expect(render("[Reglab](https://www.reglab.se/larpass?ar=2018)")).toContain(
      '<a href="https://www.reglab.se/larpass?ar=2018">Reglab</a>',
    );
    expect(render("[programmet](/program)")).toContain('<a href="/program">programmet</a>');
    expect(render("[mejla oss](mailto:info@reglab.se)")).toContain('<a href="mailto:info@reglab.se">mejla oss</a>');
    expect(render("<https://reglab.se>")).toContain('<a href="https://reglab.se">https://reglab.se</a>');
  });

  it("renders paragraphs and headings, keeps å/ä/ö", () => {
    const html = render("## Lärpass\n\nFörsta stycket.\n\nAndra stycket om Östergötland.");
    expect(html).toContain("<h2>Lärpass</h2>");
    expect(html).toContain("<p>Första stycket.</p>");
    expect(html).toContain("<p>Andra stycket om Östergötland.</p>");
  });
});
