//! Findings for people: one block per finding and a summary line.

use std::io::{self, Write};

use super::{Finding, Severity};

pub fn text(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    for f in findings {
        writeln!(out, "{}[{}]: {}", f.severity, f.rule, f.message)?;
        if let Some(location) = &f.location {
            writeln!(out, "  --> {location}")?;
        }
        if let Some(hint) = &f.hint {
            writeln!(out, "  = hint: {hint}")?;
        }
        writeln!(out)?;
    }
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info")
    )
}
