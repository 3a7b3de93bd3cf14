//! `one-way-related`: domain A names B as related but B does not name A.

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;

pub static RULE: Rule = Rule {
    name: "one-way-related",
    severity: Severity::Info,
    doc: Doc::OneWayRelated,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for domain in territory.domains() {
        let one_way: Vec<&str> = domain
            .related
            .iter()
            .filter(|other| {
                territory
                    .domain(other)
                    .is_some_and(|o| !o.related.contains(&domain.id))
            })
            .map(String::as_str)
            .collect();
        if one_way.is_empty() {
            continue;
        }
        let others: Vec<String> = one_way.iter().map(|id| (*id).to_owned()).collect();
        let mut f = cx.finding(Message::OneWayRelated {
            domain: Subject::domain(domain),
            others: others.clone(),
        });
        f.domains.push(domain.id.clone());
        f.domains.extend(one_way.iter().map(|id| (*id).to_owned()));
        f.location = Some(domain.origin.clone());
        f.hint = Some(Hint::LinkBack {
            domain: domain.id.clone(),
            others,
        });
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};

    #[test]
    fn links_written_on_one_side_only_are_reported() {
        let t = territory(
            r#"{
            "domains": [
                {"id": "DC1", "name": "Bâtiment", "related": "DC 3, DC 4, DC 6"},
                {"id": "DC3", "name": "Économie circulaire", "related": "DC6"},
                {"id": "DC4", "name": "ENR", "related": "DC1"},
                {"id": "DC6", "name": "Air", "related": "DC3"}
            ]
        }"#,
        );
        let f = findings_of(&RULE, &t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message.render(crate::i18n::Lang::En),
            "domain DC1 \"Bâtiment\" names DC3, DC6 as related but they do not name it back"
        );
        assert_eq!(f[0].domains, ["DC1", "DC3", "DC6"]);
    }
}
