import { describe, expect, it } from '@jest/globals';
import { escapeHtml, html, raw } from './html.js';

describe('html', () => {
  it('escapes interpolated text, including attribute quotes', () => {
    const name = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('nests safe markup, joins arrays and drops null, undefined and booleans', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${raw('<hr>')}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>0');
  });

  it('keeps Vietnamese text as is', () => {
    expect(escapeHtml('Gạo nếp Séng Cù')).toBe('Gạo nếp Séng Cù');
  });
});
