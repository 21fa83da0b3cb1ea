//! NAME-CONSISTENT: the agency's name as the text writes it against the
//! name in the metadata, matched by its distinctive part.

use super::lexicon::*;
use super::texts;
use crate::model::text::without_spaces;
use crate::model::Report;
use crate::rules::{Finding, RuleId, Severity};

/// The distinctive part of an agency's name: "洛阳市西工区唐宫路街道办事处" →
/// "唐宫路"; "某某省人民政府办公厅" → "某某省" (the agency words at its end
/// removed one after another, then the leading administrative units).
pub fn name_core(agency: &str) -> &str {
    let mut core = agency.trim();
    while let Some(s) = AGENCY_SUFFIXES.iter().find(|s| core.ends_with(*s)) {
        if core.chars().count() <= s.chars().count() + 1 {
            break;
        }
        core = &core[..core.len() - s.len()];
    }
    loop {
        let cut = core
            .char_indices()
            .find(|(_, c)| ADMIN_UNITS.contains(c))
            .map(|(i, c)| i + c.len_utf8());
        match cut {
            Some(at) if core[at..].chars().count() >= 2 => core = &core[at..],
            _ => return core,
        }
    }
}

/// A form of a name: ideographs only (no punctuation, digits or letters).
fn name_like(s: &str) -> bool {
    s.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// Whether byte `at` of `text` lies inside one of the proper names that are
/// not the agency's ("人民群众", "中华人民共和国" …).
fn in_proper_name(text: &str, at: usize) -> bool {
    PROPER_NAMES.iter().any(|p| {
        p.char_indices().any(|(k, _)| {
            at.checked_sub(k)
                .and_then(|from| text.get(from..))
                .is_some_and(|t| t.starts_with(p))
        })
    })
}

pub(super) fn name_consistent(report: &Report, out: &mut Vec<Finding>) {
    let agency = without_spaces(&report.meta.agency);
    let core = name_core(&agency);
    let stem: String = core.chars().take(2).collect();
    if stem.chars().count() < 2 {
        return;
    }
    let core_len = core.chars().count();
    // The name from its distinctive part on: "唐宫路街道办事处".
    let tail = agency.find(core).map_or(core, |i| &agency[i..]);
    // Variant of the distinctive part → the forms written, per section.
    let mut variants: Vec<(&'static str, String, Vec<String>)> = Vec::new();
    for (section, text) in texts(report) {
        // A line break or space inside a name (text pasted from a PDF) is
        // not another form of it.
        let text = without_spaces(text);
        for (at, _) in text.match_indices(stem.as_str()) {
            let rest = &text[at..];
            if rest.starts_with(tail) {
                continue; // the name itself, maybe followed by a unit: "…实验区管委会"
            }
            if in_proper_name(&text, at) {
                continue;
            }
            // The nearest agency word within a name's length ends the name.
            let window = rest
                .char_indices()
                .nth(core_len + 6)
                .map_or(rest, |(i, _)| &rest[..i]);
            let Some((end, suffix)) = AGENCY_SUFFIXES
                .iter()
                .filter_map(|s| window.find(s).map(|i| (i, *s)))
                .min_by_key(|(i, s)| (*i, std::cmp::Reverse(s.len())))
            else {
                continue;
            };
            let variant = &rest[..end];
            let n = variant.chars().count();
            if variant == core || n < 2 || n > core_len + 2 || !name_like(variant) {
                continue;
            }
            let written = format!("{variant}{suffix}");
            match variants.iter_mut().find(|(_, v, _)| v == variant) {
                Some((_, _, forms)) if !forms.contains(&written) => forms.push(written),
                Some(_) => {}
                None => variants.push((section, variant.to_string(), vec![written])),
            }
        }
    }
    let agency = report.meta.agency.trim();
    for (section, variant, forms) in variants {
        let quoted: Vec<String> = forms.iter().map(|f| format!("“{f}”")).collect();
        out.push(Finding {
            rule: RuleId::NAME_CONSISTENT,
            severity: Severity::Warning,
            key: format!("NAME-CONSISTENT:{variant}"),
            section,
            cells: Vec::new(),
            text: Some(section),
            meta: Some("meta.agency"),
            message: format!("正文中的{}与机关名称“{agency}”写法不一致", quoted.concat()),
        });
    }
}
