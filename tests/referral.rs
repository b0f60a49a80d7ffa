//! The trigger-point catalogue's data checks.
#![cfg(not(target_arch = "wasm32"))]

use myomap::anatomy::{self, geometry, model::*, referral};
use std::collections::HashSet;

fn body() -> Vec<geometry::Pt> {
    geometry::flatten(&anatomy::body_outline(), 8)
}

/// A referral zone placed for a trigger point on the patient's right.
fn zone_polygon(view: View, outline: &[(i16, i16)]) -> Vec<geometry::Pt> {
    let s = view.x_sign(Side::Right);
    let pts: Vec<geometry::Pt> = outline
        .iter()
        .map(|&(x, y)| (s * x as f32, y as f32))
        .collect();
    geometry::flatten(&pts, 8)
}

#[test]
fn every_pattern_belongs_to_an_atlas_muscle_once() {
    let mut seen = HashSet::new();
    for p in referral::patterns() {
        assert!(
            anatomy::muscle(p.muscle).is_some(),
            "{} is not in the atlas",
            p.muscle
        );
        assert!(seen.insert(p.muscle), "{} has two patterns", p.muscle);
        assert!(!p.refers_to.trim().is_empty(), "{}", p.muscle);
        assert!(
            !p.sites.is_empty(),
            "{} has no trigger-point site",
            p.muscle
        );
        assert!(
            p.zones
                .iter()
                .any(|z| z.grade == referral::Grade::Essential),
            "{} has no essential zone",
            p.muscle
        );
    }
}

#[test]
fn every_zone_is_a_clean_outline_inside_the_body() {
    let body = body();
    for p in referral::patterns() {
        for z in p.zones {
            let poly = zone_polygon(z.view, z.outline);
            assert!(
                geometry::is_simple(&poly),
                "{} {:?} zone crosses itself",
                p.muscle,
                z.view
            );
            assert!(
                geometry::signed_area(&poly).abs() > 15.0,
                "{} zone is degenerate",
                p.muscle
            );
            for q in &poly {
                assert!(
                    geometry::contains(&body, *q) || geometry::distance_to_edge(&body, *q) < 1.5,
                    "{} {:?} zone point {q:?} lies outside the body",
                    p.muscle,
                    z.view
                );
            }
        }
    }
}

#[test]
fn every_site_lies_on_its_muscle() {
    for p in referral::patterns() {
        for s in p.sites {
            let at = (s.view.x_sign(Side::Right) * s.at.0 as f32, s.at.1 as f32);
            let on = anatomy::regions(s.view)
                .iter()
                .filter(|r| r.muscle == p.muscle && r.side == Side::Right)
                .any(|r| {
                    let poly = r.polygon();
                    geometry::contains(&poly, at) || geometry::distance_to_edge(&poly, at) < 2.0
                });
            assert!(
                on,
                "{} site “{}” at {:?} is not on the muscle in the {:?} view",
                p.muscle, s.label, s.at, s.view
            );
        }
    }
}

#[test]
fn cautions_name_atlas_muscles_and_say_what_to_do() {
    for c in referral::cautions() {
        assert!(anatomy::muscle(c.muscle).is_some(), "{}", c.muscle);
        assert!(c.reason.len() > 10 && c.guidance.len() > 10, "{}", c.muscle);
    }
}

/// Muscles with a documented referral pattern (every row of the clinical referral table).
#[rustfmt::skip]
const WITH_PATTERN: &[&str] = &[
    "upper_trapezius", "middle_trapezius", "lower_trapezius", "levator_scapulae", "sternocleidomastoid",
    "splenius_capitis", "splenius_cervicis", "suboccipitals", "semispinalis_capitis", "anterior_scalene",
    "middle_scalene", "posterior_scalene", "temporalis", "masseter", "rhomboid_major", "rhomboid_minor",
    "supraspinatus", "infraspinatus", "teres_minor", "teres_major", "subscapularis", "latissimus_dorsi",
    "serratus_anterior", "pectoralis_major", "pectoralis_minor", "anterior_deltoid", "middle_deltoid",
    "posterior_deltoid", "biceps_brachii", "brachialis", "triceps_brachii", "brachioradialis",
    "extensor_carpi_radialis_longus", "extensor_carpi_radialis_brevis", "extensor_digitorum",
    "extensor_carpi_ulnaris", "supinator", "flexor_carpi_radialis", "flexor_carpi_ulnaris",
    "flexor_digitorum_superficialis", "pronator_teres", "rectus_abdominis", "external_oblique",
    "iliocostalis_thoracis", "iliocostalis_lumborum", "longissimus_thoracis", "multifidus",
    "quadratus_lumborum", "iliopsoas", "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis",
    "tensor_fasciae_latae", "rectus_femoris", "vastus_medialis", "vastus_lateralis", "sartorius",
    "adductor_longus", "adductor_brevis", "adductor_magnus", "gracilis", "pectineus", "biceps_femoris",
    "semitendinosus", "semimembranosus", "gastrocnemius", "soleus", "tibialis_anterior", "tibialis_posterior",
    "fibularis_longus", "fibularis_brevis", "extensor_digitorum_longus", "extensor_hallucis_longus",
    "popliteus", "abductor_hallucis", "extensor_digitorum_brevis",
];

/// Where needling needs care, and why.
#[rustfmt::skip]
const WITH_CAUTION: &[(&str, referral::CautionKind)] = &[
    ("rhomboid_major", referral::CautionKind::Lung), ("rhomboid_minor", referral::CautionKind::Lung),
    ("middle_trapezius", referral::CautionKind::Lung), ("lower_trapezius", referral::CautionKind::Lung),
    ("upper_trapezius", referral::CautionKind::Lung), ("serratus_anterior", referral::CautionKind::Lung),
    ("serratus_posterior_superior", referral::CautionKind::Lung), ("pectoralis_major", referral::CautionKind::Lung),
    ("pectoralis_minor", referral::CautionKind::Lung), ("iliocostalis_thoracis", referral::CautionKind::Lung),
    ("latissimus_dorsi", referral::CautionKind::Lung), ("anterior_scalene", referral::CautionKind::Lung),
    ("middle_scalene", referral::CautionKind::Lung), ("posterior_scalene", referral::CautionKind::Lung),
    ("anterior_scalene", referral::CautionKind::NerveVessel), ("middle_scalene", referral::CautionKind::NerveVessel),
    ("posterior_scalene", referral::CautionKind::NerveVessel), ("sternocleidomastoid", referral::CautionKind::NerveVessel),
    ("pectineus", referral::CautionKind::NerveVessel), ("adductor_longus", referral::CautionKind::NerveVessel),
    ("piriformis", referral::CautionKind::NerveVessel), ("pronator_teres", referral::CautionKind::NerveVessel),
    ("popliteus", referral::CautionKind::NerveVessel), ("quadratus_lumborum", referral::CautionKind::Organ),
];

#[test]
fn every_documented_pattern_is_in_the_catalogue() {
    for id in WITH_PATTERN {
        assert!(
            referral::pattern(id).is_some(),
            "{id} has no referral pattern"
        );
    }
}

#[test]
fn every_known_hazard_has_a_caution() {
    for (id, kind) in WITH_CAUTION {
        assert!(
            referral::cautions_for(id).any(|c| c.kind == *kind),
            "{id} lacks its {kind:?} caution"
        );
    }
}

/// The patient texts of one language, as the patient view reads them.
fn patient_texts(lang: &str) -> serde_json::Value {
    let path = format!(
        "{}/assets/texts/patient-{lang}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).expect("the texts file"))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every key path of a JSON value, with its kind (and an array's length).
fn shape(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => m
            .iter()
            .for_each(|(k, v)| shape(v, format!("{at}.{k}"), out)),
        serde_json::Value::Array(a) => {
            out.push(format!("{at}[{}]", a.len()));
            a.iter()
                .enumerate()
                .for_each(|(i, v)| shape(v, format!("{at}[{i}]"), out));
        }
        serde_json::Value::String(_) => out.push(at),
        other => out.push(format!("{at}={other}")),
    }
}

#[test]
fn every_patterned_muscle_is_explained_to_the_patient_in_every_language() {
    for lang in ["en", "es"] {
        let t = patient_texts(lang);
        assert_eq!(t["lang"], lang);
        for p in referral::patterns() {
            let m = &t["muscles"][p.muscle];
            for key in ["name", "refers"] {
                let s = m[key].as_str().unwrap_or_default();
                assert!(!s.trim().is_empty(), "{lang}: {} has no {key}", p.muscle);
            }
        }
    }
}

#[test]
fn the_spanish_texts_have_every_english_text_and_placeholder() {
    let (en, es) = (patient_texts("en"), patient_texts("es"));
    let (mut a, mut b) = (Vec::new(), Vec::new());
    shape(&en, String::new(), &mut a);
    shape(&es, String::new(), &mut b);
    a.retain(|k| !k.starts_with(".lang") && !k.starts_with(".language_name"));
    b.retain(|k| !k.starts_with(".lang") && !k.starts_with(".language_name"));
    assert_eq!(a, b, "the same keys, pages and lists in both languages");
    for ph in ["{n}", "{total}", "{time}"] {
        for k in ["page", "score_saved", "agreed", "agreed_estim", "withdrawn"] {
            let (e, s) = (en["ui"][k].as_str().unwrap(), es["ui"][k].as_str().unwrap());
            assert_eq!(e.contains(ph), s.contains(ph), "ui.{k}: {ph}");
        }
    }
}

#[test]
fn patient_texts_are_short_plain_sentences() {
    // A reading age of about 12: short sentences, and none of the clinician's words.
    let en = patient_texts("en");
    let mut texts: Vec<String> = Vec::new();
    for p in en["pages"].as_array().unwrap() {
        texts.extend(
            p["body"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string()),
        );
    }
    texts.extend(
        en["aftercare"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string()),
    );
    for m in en["muscles"].as_object().unwrap().values() {
        texts.push(m["refers"].as_str().unwrap().to_string());
    }
    for t in &texts {
        for sentence in t.split(['.', '!', '?']) {
            let words = sentence.split_whitespace().count();
            assert!(
                words <= 24,
                "too long for a patient ({words} words): {sentence}"
            );
        }
        let lower = t.to_lowercase();
        for jargon in [
            "pneumothorax",
            "myofascial",
            "pleura",
            "contraindicat",
            "proximal",
            "distal",
            "lateral",
            "medial",
            "anterior",
            "posterior",
            "epicondyle",
        ] {
            assert!(!lower.contains(jargon), "clinical word “{jargon}” in: {t}");
        }
    }
}

/// The clinical texts of the referral tables as the app loads them (it does not carry them in
/// its first load): `assets/texts/clinic-en.json`. Run with MYOMAP_WRITE_TEXTS=1 to write it
/// after changing the tables.
#[test]
fn the_clinic_texts_file_holds_exactly_the_tables_texts() {
    use std::collections::BTreeMap;
    let mut refers = BTreeMap::new();
    let mut sites = BTreeMap::new();
    for p in referral::patterns() {
        refers.insert(p.muscle, p.refers_to);
        sites.insert(
            p.muscle,
            p.sites.iter().map(|s| s.label).collect::<Vec<_>>(),
        );
    }
    let mut cautions = BTreeMap::new();
    for c in referral::cautions() {
        cautions
            .entry(c.muscle)
            .or_insert_with(Vec::new)
            .push(serde_json::json!({ "reason": c.reason, "guidance": c.guidance }));
    }
    let json =
        serde_json::json!({ "lang": "en", "refers": refers, "sites": sites, "cautions": cautions });
    let text = serde_json::to_string_pretty(&json).unwrap() + "\n";
    let path = format!("{}/assets/texts/clinic-en.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("MYOMAP_WRITE_TEXTS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let saved = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        saved == text,
        "{path} differs from the referral tables: run MYOMAP_WRITE_TEXTS=1 cargo test --test referral"
    );
}
