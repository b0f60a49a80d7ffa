//! Case folding for search (patients' names, muscles) without the standard library's Unicode
//! case tables, which `str::to_lowercase` brings into the download. The letters of the Latin
//! alphabets of Europe (Basic Latin, Latin-1, Latin Extended-A), of modern Greek and of
//! Russian and its neighbours fold as `char::to_lowercase` folds them; every other character
//! is kept as it is.

/// `s` in lower case, for comparing what was typed with what is stored.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\u{130}' {
            // Capital I with dot above: a small i and the dot, as `to_lowercase` gives it.
            out.push_str("i\u{307}");
        } else {
            out.push(fold_char(c));
        }
    }
    out
}

fn fold_char(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        // Latin Extended-A: capitals and small letters alternate, in two runs of each parity.
        0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        // Greek: the tonos capitals, then the plain ones.
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 32,
        // Cyrillic.
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_greek_and_cyrillic_as_the_standard_library_does() {
        let ranges = [0x0..=0x17F, 0x386..=0x3AF, 0x400..=0x45F];
        for range in ranges {
            for u in range {
                let Some(c) = char::from_u32(u) else { continue };
                let ours = fold(&c.to_string());
                let std: String = c.to_lowercase().collect();
                assert_eq!(ours, std, "U+{u:04X} {c}");
            }
        }
    }

    #[test]
    fn names_fold_whole() {
        assert_eq!(fold("José ÁLVAREZ Núñez"), "josé álvarez núñez");
        assert_eq!(fold("ŁUKASZ Żółć"), "łukasz żółć");
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(fold("ИВАН Ёлкин"), "иван ёлкин");
        assert_eq!(fold("MRN-0042"), "mrn-0042");
        assert_eq!(fold("王 小明"), "王 小明");
    }
}
