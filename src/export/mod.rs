//! Writing reports out: HTML (the published document), plain text, and the
//! helpers they share with the app.

pub mod docx;
pub mod html;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert(1)</script> \" onload=\"x &amp; </td> '"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &quot; onload=&quot;x &amp;amp; &lt;/td&gt; &#39;"
        );
    }
}
