import { describe, expect, it } from "vitest";
import { renderLayout, type LayoutContent } from "./layout";

const content: LayoutContent = {
  productName: "Gatehouse",
  subject: "Subject <b>",
  preheader: "Preview & more",
  heading: "Heading",
  paragraphs: ["First paragraph.", "Second <paragraph>."],
  button: { label: "Do it", url: "https://app.example.com/go?token=abc&next=%2F" },
  notes: ["A note."],
  reason: "you asked for it",
};

describe("renderLayout", () => {
  const email = renderLayout(content);

  it("is a table-based layout at most 560px wide", () => {
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('role="presentation"');
    expect(email.html).toContain("max-width:560px");
    expect(email.html).toContain("<title>Subject &lt;b&gt;</title>");
  });

  it("escapes every text field", () => {
    expect(email.html).toContain("Second &lt;paragraph&gt;.");
    expect(email.html).toContain("Preview &amp; more");
    expect(email.html).not.toContain("<paragraph>");
  });

  it("links the button and the copyable raw link, escaped in HTML and raw in text", () => {
    const href = 'href="https://app.example.com/go?token=abc&amp;next=%2F"';
    expect(email.html.split(href)).toHaveLength(3);
    expect(email.html).toContain(">https://app.example.com/go?token=abc&amp;next=%2F</a>");
    expect(email.text).toContain("Do it:\nhttps://app.example.com/go?token=abc&next=%2F");
  });

  it("ends with the muted footer in both parts", () => {
    const footer = "You received this email because you asked for it. If you didn&#39;t expect it, you can ignore it.";
    expect(email.html).toContain(footer);
    expect(email.text).toContain("You received this email because you asked for it. If you didn't expect it, you can ignore it.");
  });

  it("has a readable plain-text part", () => {
    expect(email.text).toBe(
      [
        "Heading",
        "First paragraph.",
        "Second <paragraph>.",
        "Do it:\nhttps://app.example.com/go?token=abc&next=%2F",
        "A note.",
        "-- \nYou received this email because you asked for it. If you didn't expect it, you can ignore it.\nGatehouse",
      ].join("\n\n") + "\n",
    );
  });

  it("refuses a button that is not a web link", () => {
    expect(() => renderLayout({ ...content, button: { label: "x", url: "javascript:alert(1)" } })).toThrow(TypeError);
  });
});
