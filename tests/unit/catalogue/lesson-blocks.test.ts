import { describe, expect, it } from "vitest";
import { toHtml } from "~/catalogue/lesson-html.server";

describe("lesson block quotes", () => {
  it("a two-line dialogue renders two turns with their speakers", () => {
    const html = toHtml("> **客户：** 我的东西怎么还没到？\n> **客服：** 您好，我马上帮您查一下物流。\n");
    const turns = html.match(/<p class="dialogue__turn[^"]*">/g) ?? [];
    expect(turns).toHaveLength(2);
    expect(html).toContain(
      '<strong class="dialogue__speaker">客户</strong><span class="dialogue__line">我的东西怎么还没到？</span>',
    );
    expect(html).toContain(
      '<strong class="dialogue__speaker">客服</strong><span class="dialogue__line">您好，我马上帮您查一下物流。</span>',
    );
    expect(html).not.toContain("<blockquote");
  });

  it("a notice keeps its line breaks", () => {
    const html = toHtml("> 【温馨提示】\n> 您的订单已发出。\n> 请注意查收。\n");
    expect(html).toContain("<blockquote>");
    expect(html.match(/<br/g)).toHaveLength(2);
  });

  it("a bad example is marked and labelled in both languages, without its marker", () => {
    const html = toHtml("> [!bad]\n> 亲，48小时内发出！\n");
    expect(html).toContain('<aside class="md-bad" role="note">');
    expect(html).toContain("错误示例");
    expect(html).toContain("Don&#x27;t say");
    expect(html).not.toContain("[!bad]");
    expect(html).toContain("亲，48小时内发出！");
  });

  it("a ```bad fence is a bad example too", () => {
    expect(toHtml("```bad\n保证明天发\n```\n")).toContain('<aside class="md-bad" role="note">');
  });

  it("a quote that is not a dialogue stays a quote", () => {
    const html = toHtml("> **注意：** 只有一行。\n");
    expect(html).toContain("<blockquote>");
  });
});
