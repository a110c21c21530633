// components/markdown.tsx rendered to static HTML in Node: what organisers type must never become markup
// or script. (A .ts file, so React.createElement instead of JSX.)
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { isOwnImage } from "@/lib/markdown-images";

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

describe("Markdown: images only from the site itself", () => {
  /** Every <img src> in the output. */
  const imgSrcs = (html: string) => [...html.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);

  it("keeps an image from the site (a path starting with a single /)", () => {
    const html = render("![Karta över salarna](/bilder/karta.png)");
    expect(imgSrcs(html)).toEqual(["/bilder/karta.png"]);
    expect(html).toContain('alt="Karta över salarna"');
  });

  it("turns an image from another host into a link: text is the alt text, or the address", () => {
    const pixel = render("Hej ![spårning](https://tracker.example/p.gif?u=1) då");
    expect(pixel).not.toMatch(/<(img|link)\b/);
    expect(pixel).toContain('<a href="https://tracker.example/p.gif?u=1">spårning</a>');
    const noAlt = render("![](http://tracker.example/p.gif)");
    expect(noAlt).not.toMatch(/<(img|link)\b/);
    expect(noAlt).toContain('<a href="http://tracker.example/p.gif">http://tracker.example/p.gif</a>');
  });

  it("refuses every way of reaching another host or scheme from what looks like a path", () => {
    for (const md of [
      "![x](//tracker.example/p.gif)",
      "![x](/&#47;tracker.example/p.gif)",
      "![x](\\\\tracker.example/p.gif)",
      "![x](bild.png)",
      "![x](../bild.png)",
      "![x](tracker.example/p.gif)",
      "![x](HTTPS://tracker.example/p.gif)",
      "![x](data:image/gif;base64,R0lGODlhAQABAAAAACw=)",
      "![x](javascript:alert(1))",
      '![x](https://tracker.example/p.gif "titel")',
      "![x][pix]\n\n[pix]: https://tracker.example/p.gif",
      "[![x](https://tracker.example/p.gif)](https://reglab.se)",
    ]) {
      const html = render(md);
      // React also writes <link rel="preload"> for an image: that would fetch it just the same.
      expect(html, md).not.toMatch(/<(img|link)\b/);
      expect(html, md).toContain(">x<");
      expect(html, md).not.toMatch(/<a\b[^>]*>[^<]*<a\b/); // never a link inside a link
    }
  });
});

describe("isOwnImage", () => {
  it("accepts a path on the site and nothing that a browser would send elsewhere", () => {
    expect(isOwnImage("/bilder/karta.png")).toBe(true);
    expect(isOwnImage("/%2F/x.png")).toBe(true);
    for (const src of ["//host/x.png", "/\\host/x.png", "/\t/host/x.png", "/\n/host/x.png", "\\\\host/x.png", "https://host/x.png", "x.png", "", " /x.png"]) {
      expect(isOwnImage(src), JSON.stringify(src)).toBe(false);
    }
  });
});
