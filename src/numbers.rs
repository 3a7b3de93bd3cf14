//! Numbers for people, the French way: "422 371 €", "1 500,5", "72,5 %".

/// A number with a space between thousands and a decimal comma, at most three decimals:
/// 1500 -> "1 500", 1500.5 -> "1 500,5", 15.574 -> "15,574".
pub fn french(n: f64) -> String {
    grouped(n, 3, ' ', ',')
}

/// A number rounded to at most `decimals` decimals (trailing zeros dropped), its thousands
/// separated by `thousands` and its decimals by `decimal`: (1500.5, 2, ' ', ',') -> "1 500,5".
pub fn grouped(n: f64, decimals: usize, thousands: char, decimal: char) -> String {
    let fixed = format!("{:.*}", decimals, n.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut out = String::new();
    if n < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// An amount in euros, to the cent: "422 371 €", "76 185,5 €".
pub fn euros(n: f64) -> String {
    format!("{} €", french((n * 100.0).round() / 100.0))
}

/// A share as a percentage, cut (not rounded) to one decimal so that a share below a
/// threshold never reads as the threshold: 0.5999 -> "59,9 %", 0.6 -> "60 %".
pub fn percent(ratio: f64) -> String {
    format!("{} %", french(percent_value(ratio)))
}

/// The number `percent` writes: the share times 100, cut to one decimal.
pub fn percent_value(ratio: f64) -> f64 {
    // The small nudge keeps 0.6 (stored as 0.59999...) at 60.
    (ratio * 1000.0 + 1e-6).floor() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_notation() {
        assert_eq!(french(422371.0), "422 371");
        assert_eq!(french(1500.5), "1 500,5");
        assert_eq!(french(0.25), "0,25");
        assert_eq!(french(999.0), "999");
        assert_eq!(french(-1234.0), "-1 234");
        assert_eq!(french(-0.0001), "0");
        assert_eq!(french(15.574), "15,574");
        assert_eq!(euros(270000.0), "270 000 €");
        assert_eq!(euros(76185.499), "76 185,5 €");
    }

    #[test]
    fn rounding_carries_into_the_whole_part() {
        assert_eq!(grouped(0.999, 2, ' ', ','), "1");
        assert_eq!(grouped(999.999, 2, ',', '.'), "1,000");
        assert_eq!(grouped(15.574, 2, '\u{a0}', ','), "15,57");
    }

    #[test]
    fn percent_never_rounds_up_to_a_threshold() {
        assert_eq!(percent(0.6), "60 %");
        assert_eq!(percent(0.1 * 6.0), "60 %");
        assert_eq!(percent(0.599), "59,9 %");
        assert_eq!(percent(0.59999), "59,9 %");
        assert_eq!(percent(0.99), "99 %");
        assert_eq!(percent(1.0), "100 %");
        assert_eq!(percent(0.725), "72,5 %");
    }
}
