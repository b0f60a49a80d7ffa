//! Writes a standalone SVG of the atlas (front and back, superficial and deep) with every
//! region labelled, for reviewing the drawing data: `cargo run --example atlas_preview > a.svg`,
//! then `scripts/atlas-preview.sh` turns it into a PNG.

use myomap::anatomy::{self, geometry, model::Layer, model::View};

fn main() {
    let (vx, vy, vw, vh) = anatomy::VIEW_BOX;
    let body = geometry::path_d(&anatomy::body_outline());
    let mut out = String::new();
    let panels = [
        (View::Anterior, Layer::Superficial),
        (View::Posterior, Layer::Superficial),
        (View::Anterior, Layer::Deep),
        (View::Posterior, Layer::Deep),
    ];
    let arg: Option<String> = std::env::args().nth(1);
    // "referral:<muscle>" draws that muscle's referral pattern for a trigger point on the
    // patient's right (essential dark, spillover light, sites as X) over the atlas.
    let referral = arg
        .as_deref()
        .and_then(|a| a.strip_prefix("referral:"))
        .map(|m| m.to_string());
    let filter = if referral.is_some() { None } else { arg };
    out.push_str(&format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{}' height='{}' style='background:#fff;font-family:sans-serif'>",
        vw * 4.0 * 1.25,
        vh * 1.25
    ));
    for (i, (view, layer)) in panels.iter().enumerate() {
        out.push_str(&format!(
            "<svg x='{}' y='0' width='{}' height='{}' viewBox='{vx} {vy} {vw} {vh}'>",
            i as f32 * vw * 1.25,
            vw * 1.25,
            vh * 1.25
        ));
        out.push_str(&format!(
            "<text x='{}' y='{}' font-size='12'>{:?} {:?} (viewer's left = patient's {})</text>",
            vx + 4.0,
            vy + 14.0,
            view,
            layer,
            if *view == View::Anterior {
                "right"
            } else {
                "left"
            }
        ));
        out.push_str(&format!(
            "<path d='{body}' fill='#f3e3d6' stroke='#8a6a55' stroke-width='1'/>"
        ));
        for lm in anatomy::atlas::landmarks().filter(|l| l.view == *view) {
            for side in anatomy::model::Side::BOTH {
                let d = anatomy::landmark_path(lm, side);
                out.push_str(&format!(
                    "<path d='{d}' fill='none' stroke='#a08070' stroke-width='0.8'/>"
                ));
            }
        }
        let regions = anatomy::regions(*view);
        for r in regions {
            if let Some(f) = &filter {
                if !r.muscle.contains(f.as_str()) {
                    continue;
                }
            }
            let hue = (r.muscle.bytes().map(|b| b as u32).sum::<u32>() * 47) % 360;
            let (fill, stroke, op) = if r.layer == *layer {
                (format!("hsl({hue},55%,62%)"), "#5a2a2a", 0.8)
            } else if *layer == Layer::Deep {
                ("none".to_string(), "#b09a90", 0.9)
            } else {
                continue;
            };
            out.push_str(&format!(
                "<path d='{}' fill='{fill}' fill-opacity='{op}' stroke='{stroke}' stroke-width='0.6'/>",
                r.path()
            ));
        }
        for r in regions.iter().filter(|r| r.layer == *layer) {
            if r.side != anatomy::model::Side::Right {
                continue;
            }
            if let Some(f) = &filter {
                if !r.muscle.contains(f.as_str()) {
                    continue;
                }
            }
            let c = geometry::centroid(&r.polygon());
            out.push_str(&format!(
                "<text x='{:.1}' y='{:.1}' font-size='4.5' text-anchor='middle' fill='#111'>{}</text>",
                c.0, c.1, r.muscle
            ));
        }
        if let Some(m) = &referral {
            if let Some(p) = anatomy::referral::pattern(m) {
                let s = view.x_sign(anatomy::model::Side::Right);
                for z in p.zones.iter().filter(|z| z.view == *view) {
                    let pts: Vec<geometry::Pt> = z
                        .outline
                        .iter()
                        .map(|&(x, y)| (s * x as f32, y as f32))
                        .collect();
                    let (fill, op) = match z.grade {
                        anatomy::referral::Grade::Essential => ("#c0001a", 0.75),
                        anatomy::referral::Grade::Spillover => ("#ff6f80", 0.45),
                    };
                    out.push_str(&format!(
                        "<path d='{}' fill='{fill}' fill-opacity='{op}' stroke='#600' stroke-width='0.5'/>",
                        geometry::path_d(&pts)
                    ));
                }
                for site in p.sites.iter().filter(|t| t.view == *view) {
                    let (x, y) = (s * site.at.0 as f32, site.at.1 as f32);
                    out.push_str(&format!(
                        "<path d='M{} {}L{} {}M{} {}L{} {}' stroke='#000' stroke-width='1.6'/>",
                        x - 4.0,
                        y - 4.0,
                        x + 4.0,
                        y + 4.0,
                        x - 4.0,
                        y + 4.0,
                        x + 4.0,
                        y - 4.0
                    ));
                }
            }
        }
        // grid every 50 units to help authoring
        for gy in (0..=800).step_by(50) {
            out.push_str(&format!(
                "<text x='{}' y='{gy}' font-size='6' fill='#39c'>{gy}</text><line x1='{vx}' x2='{}' y1='{gy}' y2='{gy}' stroke='#39c' stroke-width='0.15'/>",
                vx + 1.0,
                vx + vw
            ));
        }
        for gx in (-150..=150).step_by(50) {
            out.push_str(&format!(
                "<line x1='{gx}' x2='{gx}' y1='{vy}' y2='{}' stroke='#39c' stroke-width='0.15'/>",
                vy + vh
            ));
        }
        out.push_str("</svg>");
    }
    out.push_str("</svg>");
    println!("{out}");
}
