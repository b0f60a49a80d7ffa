//! Trigger-point catalogue as data: where each muscle's trigger points typically lie, where
//! they refer pain (essential and spillover zones, drawn as the project's own shapes), and
//! where a needle needs care. One file per body region, reviewed like the atlas.
//!
//! Coordinates follow the atlas: x is lateral distance from the midline on the side of the
//! trigger point, y from the vertex down. A zone that crosses the midline uses negative x for
//! the other side (the clavicular sternocleidomastoid refers to both sides of the forehead).

/// A clinical text of the tables (where a pattern refers, a site's name, a caution's reason and
/// guidance; the caution itself and its kind stay in the app). The app does not
/// carry them in its first load: it reads them from `assets/texts/clinic-en.json`, which a
/// native test keeps equal to these tables (`clinic_texts`).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! clinical {
    ($s:literal) => {
        $s
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! clinical {
    ($s:literal) => {
        ""
    };
}

mod arm;
mod head_neck;
mod shoulder;
mod thigh_leg;
mod trunk_hip;

use super::model::View;
use super::packed;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grade {
    /// Where nearly everyone with this trigger point feels it (drawn strong).
    Essential,
    /// Where some feel it (drawn light).
    Spillover,
}

impl Grade {
    pub fn id(self) -> &'static str {
        match self {
            Grade::Essential => "essential",
            Grade::Spillover => "spillover",
        }
    }
}

/// A typical trigger-point site.
#[derive(Clone, Copy, Debug)]
pub struct Site {
    pub view: View,
    pub at: (i16, i16),
    /// Short clinical name of the site, e.g. "free upper border, mid-fibres".
    pub label: &'static str,
}

/// One area of referred pain in one view.
#[derive(Clone, Copy, Debug)]
pub struct Zone {
    pub view: View,
    pub grade: Grade,
    /// Closed smooth outline (Catmull-Rom through the points; repeat a point for a corner).
    pub outline: &'static [(i16, i16)],
}

/// A muscle's referral pattern.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub muscle: &'static str,
    pub sites: &'static [Site],
    pub zones: &'static [Zone],
    /// Where the pain is felt, in a clinician's words. (The same in plain words for the
    /// patient, in each language, is in `assets/texts/patient-<lang>.json`.)
    pub refers_to: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CautionKind {
    /// Lung and pleura under the muscle: risk of pneumothorax.
    Lung,
    /// A nerve or large vessel runs close by.
    NerveVessel,
    /// An organ lies close (kidney).
    Organ,
}

/// Why and how to take care when needling a muscle.
#[derive(Clone, Copy, Debug)]
pub struct Caution {
    pub muscle: &'static str,
    pub kind: CautionKind,
    /// What lies there, in plain words.
    pub reason: &'static str,
    /// What to do: direction, depth, grip.
    pub guidance: &'static str,
}

const PATTERNS: [&[Pattern]; 5] = [
    head_neck::PATTERNS,
    shoulder::PATTERNS,
    arm::PATTERNS,
    trunk_hip::PATTERNS,
    thigh_leg::PATTERNS,
];
const CAUTIONS: [&[Caution]; 5] = [
    head_neck::CAUTIONS,
    shoulder::CAUTIONS,
    arm::CAUTIONS,
    trunk_hip::CAUTIONS,
    thigh_leg::CAUTIONS,
];

pub fn patterns() -> impl Iterator<Item = &'static Pattern> {
    static DECODED: std::sync::OnceLock<Vec<Pattern>> = std::sync::OnceLock::new();
    DECODED
        .get_or_init(|| {
            let mut r = packed::Reader::new(&ZONE_POINTS);
            let mut zones = ZONE_HEADS.iter();
            PATTERN_HEADS
                .iter()
                .map(|h| Pattern {
                    muscle: h.muscle,
                    sites: h.sites,
                    zones: zones
                        .by_ref()
                        .take(h.zones)
                        .map(|&(view, grade)| Zone {
                            view,
                            grade,
                            outline: r.points(),
                        })
                        .collect::<Vec<_>>()
                        .leak(),
                    refers_to: h.refers_to,
                })
                .collect()
        })
        .iter()
}

// The app reads the patterns from a packed form of the tables (see `super::packed`): the
// zone outlines are only read at compile time.

/// A pattern without its zones.
struct PatternHead {
    muscle: &'static str,
    sites: &'static [Site],
    zones: usize,
    refers_to: &'static str,
}

const PATTERN_COUNT: usize = {
    let (mut n, mut t) = (0, 0);
    while t < PATTERNS.len() {
        n += PATTERNS[t].len();
        t += 1;
    }
    n
};

static PATTERN_HEADS: [PatternHead; PATTERN_COUNT] = {
    let mut out = [const {
        PatternHead {
            muscle: "",
            sites: &[],
            zones: 0,
            refers_to: "",
        }
    }; PATTERN_COUNT];
    let (mut t, mut n) = (0, 0);
    while t < PATTERNS.len() {
        let mut i = 0;
        while i < PATTERNS[t].len() {
            let p = &PATTERNS[t][i];
            out[n] = PatternHead {
                muscle: p.muscle,
                sites: p.sites,
                zones: p.zones.len(),
                refers_to: p.refers_to,
            };
            n += 1;
            i += 1;
        }
        t += 1;
    }
    out
};

const ZONE_COUNT: usize = {
    let (mut n, mut t) = (0, 0);
    while t < PATTERNS.len() {
        let mut i = 0;
        while i < PATTERNS[t].len() {
            n += PATTERNS[t][i].zones.len();
            i += 1;
        }
        t += 1;
    }
    n
};

static ZONE_HEADS: [(View, Grade); ZONE_COUNT] = {
    let mut out = [(View::Anterior, Grade::Essential); ZONE_COUNT];
    let (mut t, mut n) = (0, 0);
    while t < PATTERNS.len() {
        let mut i = 0;
        while i < PATTERNS[t].len() {
            let mut z = 0;
            while z < PATTERNS[t][i].zones.len() {
                let zone = &PATTERNS[t][i].zones[z];
                out[n] = (zone.view, zone.grade);
                n += 1;
                z += 1;
            }
            i += 1;
        }
        t += 1;
    }
    out
};

const ZONE_BYTES: usize = {
    let (mut n, mut t) = (0, 0);
    while t < PATTERNS.len() {
        let mut i = 0;
        while i < PATTERNS[t].len() {
            let mut z = 0;
            while z < PATTERNS[t][i].zones.len() {
                n += packed::size(PATTERNS[t][i].zones[z].outline);
                z += 1;
            }
            i += 1;
        }
        t += 1;
    }
    n
};

static ZONE_POINTS: [u8; ZONE_BYTES] = {
    let mut out = [0; ZONE_BYTES];
    let (mut at, mut t) = (0, 0);
    while t < PATTERNS.len() {
        let mut i = 0;
        while i < PATTERNS[t].len() {
            let mut z = 0;
            while z < PATTERNS[t][i].zones.len() {
                at = packed::put(&mut out, at, PATTERNS[t][i].zones[z].outline);
                z += 1;
            }
            i += 1;
        }
        t += 1;
    }
    assert!(at == ZONE_BYTES);
    out
};

pub fn pattern(muscle: &str) -> Option<&'static Pattern> {
    patterns().find(|p| p.muscle == muscle)
}

pub fn cautions() -> impl Iterator<Item = &'static Caution> {
    CAUTIONS.into_iter().flatten()
}

pub fn cautions_for(muscle: &str) -> impl Iterator<Item = &'static Caution> + '_ {
    cautions().filter(move |c| c.muscle == muscle)
}

/// Whether needling a muscle calls for care (looked up once, then from a set: the map asks
/// for every marker).
pub fn has_caution(muscle: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| cautions().map(|c| c.muscle).collect())
        .contains(muscle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_patterns_decode_to_the_authored_ones() {
        let authored: Vec<&Pattern> = PATTERNS.into_iter().flatten().collect();
        let decoded: Vec<&Pattern> = patterns().collect();
        assert_eq!(authored.len(), decoded.len());
        for (a, d) in authored.iter().zip(&decoded) {
            assert_eq!((a.muscle, a.refers_to), (d.muscle, d.refers_to));
            assert_eq!(a.sites.len(), d.sites.len());
            for (asite, dsite) in a.sites.iter().zip(d.sites) {
                assert_eq!(
                    (asite.view, asite.at, asite.label),
                    (dsite.view, dsite.at, dsite.label)
                );
            }
            assert_eq!(a.zones.len(), d.zones.len());
            for (az, dz) in a.zones.iter().zip(d.zones) {
                assert_eq!(
                    (az.view, az.grade, az.outline),
                    (dz.view, dz.grade, dz.outline)
                );
            }
        }
    }
}
