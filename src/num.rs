//! Numbers as the page writes and reads them. Written with integer arithmetic and read with
//! the JSON number parser the app already carries: the standard float formatting and parsing
//! code would add several kilobytes to every tablet's first load for the same text.

/// `v` rounded to `decimals` places; with `trim`, trailing zeros (and a bare point) dropped:
/// `fixed(0.3, 2, false)` is "0.30", `fixed(12.0, 1, true)` is "12", `fixed(-3.25, 1, true)`
/// is "-3.3" (halves round away from zero). Anything not finite is written as "0".
pub fn fixed(v: impl Into<f64>, decimals: u32, trim: bool) -> String {
    let mut s = String::new();
    push_fixed(&mut s, v, decimals, trim);
    s
}

/// Appends `v` as `fixed` writes it, allocating nothing of its own: the atlas writes thousands
/// of coordinates into its path data at start-up.
pub fn push_fixed(out: &mut String, v: impl Into<f64>, decimals: u32, trim: bool) {
    let v: f64 = v.into();
    if !v.is_finite() {
        out.push('0');
        return;
    }
    let scale = 10u64.pow(decimals);
    let scaled = (v * scale as f64).round();
    let n = scaled.abs() as u64;
    if scaled < 0.0 && n != 0 {
        out.push('-');
    }
    push_digits(out, n / scale, 1);
    let (mut frac, mut digits) = (n % scale, decimals);
    if trim {
        while digits > 0 && frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
    }
    if digits > 0 {
        out.push('.');
        push_digits(out, frac, digits as usize);
    }
}

/// Appends `n` in decimal, with leading zeros to at least `width` digits.
fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let width = width.min(buf.len());
    let mut i = buf.len();
    while n > 0 || buf.len() - i < width {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

/// `fixed` with one decimal, trimmed: coordinates and settings in the page's text.
pub fn short(v: f32) -> String {
    fixed(v, 1, true)
}

/// Appends `v` as `short` writes it.
pub fn push_short(out: &mut String, v: f32) {
    push_fixed(out, v, 1, true)
}

/// A number typed by a person: "4", "3.5", "3,5", ".5", "2." are read; anything else is `None`.
pub fn parse(raw: &str) -> Option<f32> {
    let mut s = raw.trim().replace(',', ".");
    if s.starts_with('.') {
        s.insert(0, '0');
    }
    if s.ends_with('.') {
        s.push('0');
    }
    if s.starts_with('+') {
        s.remove(0);
    }
    serde_json::from_str::<f64>(&s)
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_fixed_and_trimmed() {
        assert_eq!(fixed(0.3, 2, false), "0.30");
        assert_eq!(fixed(0.25, 2, false), "0.25");
        assert_eq!(fixed(12.0, 1, true), "12");
        assert_eq!(fixed(-3.25, 1, true), "-3.3");
        assert_eq!(fixed(-0.01, 1, true), "0");
        assert_eq!(fixed(125.66 * 0.5, 2, false), "62.83");
        assert_eq!(fixed(1.0005, 4, false), "1.0005");
        assert_eq!(fixed(0.05, 4, true), "0.05");
        assert_eq!(fixed(f32::NAN, 1, true), "0");
        assert_eq!(short(41.96), "42");
        assert_eq!(short(-190.0), "-190");
        for v in [-187.4f32, -0.6, 0.0, 3.5, 99.95, 512.1] {
            assert_eq!(
                short(v),
                {
                    let r = format!("{v:.1}");
                    r.trim_end_matches('0').trim_end_matches('.').to_string()
                },
                "{v}"
            );
        }
    }

    #[test]
    fn reads_what_people_type() {
        assert_eq!(parse("4"), Some(4.0));
        assert_eq!(parse(" 3,5 "), Some(3.5));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("2."), Some(2.0));
        assert_eq!(parse("+80"), Some(80.0));
        assert_eq!(parse("-1"), Some(-1.0));
        for bad in ["", "abc", "4 mA", "1e999", "NaN", "--1"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
